#pragma once

#include "clock.h"
#include "webhooklistener.h"

#include <QLabel>
#include <QPointer>

// The status-bar line that says whether the console's webhook listener is up and when the last
// callback came, so an operator can tell "no news" from "nobody can reach us". It observes a
// listener owned elsewhere (and copes with it going away); the last refusal goes into the tooltip,
// not the line, because refusals from strangers are routine and should not shout.
class WebhookStatusWidget final : public QLabel
{
    Q_OBJECT

public:
    // clock dates the last refusal; it must outlive the widget.
    explicit WebhookStatusWidget(const Clock &clock, WebhookListener *listener = nullptr, QWidget *parent = nullptr);

    void setListener(WebhookListener *listener);
    WebhookListener *listener() const { return m_listener; }
    QString lastRefusal() const { return m_lastRefusal; }

public Q_SLOTS:
    void updateStatus();

private:
    void onRefused(const QString &path, int status, const QString &reason);

    const Clock &m_clock;
    QPointer<WebhookListener> m_listener;
    QString m_lastRefusal;
};
