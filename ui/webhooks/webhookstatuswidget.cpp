#include "webhookstatuswidget.h"

#include "webhooklistener.h"

#include <QLocale>
#include <QTime>

using namespace Qt::Literals::StringLiterals;

WebhookStatusWidget::WebhookStatusWidget(const Clock &clock, WebhookListener *listener, QWidget *parent)
    : QLabel(parent), m_clock(clock)
{
    setTextFormat(Qt::PlainText);
    setFocusPolicy(Qt::TabFocus); // reachable by keyboard so screen readers can announce it
    setAccessibleName(tr("Webhook status"));
    setListener(listener);
}

void WebhookStatusWidget::setListener(WebhookListener *listener)
{
    if (m_listener)
        disconnect(m_listener, nullptr, this, nullptr);
    m_listener = listener;
    m_lastRefusal.clear();
    if (listener) {
        connect(listener, &WebhookListener::listeningChanged, this, &WebhookStatusWidget::updateStatus);
        connect(listener, &WebhookListener::callbackAccepted, this, &WebhookStatusWidget::updateStatus);
        connect(listener, &WebhookListener::callbackRefused, this, &WebhookStatusWidget::onRefused);
        connect(listener, &WebhookListener::securityWarningChanged, this, &WebhookStatusWidget::updateStatus);
        connect(listener, &QObject::destroyed, this, &WebhookStatusWidget::updateStatus, Qt::QueuedConnection);
    }
    updateStatus();
}

void WebhookStatusWidget::onRefused(const QString &path, int status, const QString &reason)
{
    m_lastRefusal = tr("Last refused callback at %1: %2 %3 (%4)")
                        .arg(QLocale().toString(m_clock.now().toLocalTime().time(), QLocale::ShortFormat), path,
                             QString::number(status), reason);
    updateStatus();
}

void WebhookStatusWidget::updateStatus()
{
    if (!m_listener || !m_listener->isListening()) {
        setText(tr("Webhooks: off"));
    } else {
        QString line = tr("Webhooks: listening on %1:%2").arg(m_listener->address()).arg(m_listener->port());
        const QDateTime last = m_listener->lastCallbackAt();
        if (last.isValid()) {
            const QString at = QLocale().toString(last.toLocalTime().time(), u"HH:mm"_s);
            line += tr(" · last callback %1").arg(at);
        } else {
            line += tr(" · no callback yet");
        }
        // Plain HTTP on a network address is a standing risk, not a routine refusal: it goes on the line.
        if (!m_listener->securityWarning().isEmpty())
            line += tr(" · warning: unencrypted on the network");
        setText(line);
    }
    QString tip = m_lastRefusal.isEmpty() ? tr("No callback has been refused") : m_lastRefusal;
    if (!m_listener.isNull() && m_listener->isListening() && !m_listener->securityWarning().isEmpty())
        tip = tr("The listener is reachable from other machines over plain HTTP: put a TLS-terminating proxy in "
                 "front of it, or listen on 127.0.0.1.") +
              u'\n' + tip;
    setToolTip(tip);
}
