#include "destinationcard.h"

#include "outboxstatusview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
QLabel *wrapped(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

DestinationCard::DestinationCard(const QString &name, QWidget *parent)
    : QFrame(parent), m_name(name), m_badge(new QLabel(this)), m_address(wrapped(this, u"address"_s)),
      m_events(wrapped(this, u"events"_s)), m_test(wrapped(this, u"testResult"_s)),
      m_status(new OutboxStatusView(this)), m_testButton(new QPushButton(tr("Test connection"), this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(u"destination_"_s % name);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(name);
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *title = wrapped(this, u"name"_s);
    title->setText(name);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_badge->setObjectName(u"statusBadge"_s);
    header->addWidget(title, 1);
    header->addWidget(m_badge);
    layout->addLayout(header);
    auto *kind = wrapped(this, u"kind"_s);
    kind->setText(tr("Signed webhook: Quaywatch sends container changes here"));
    layout->addWidget(kind);
    layout->addWidget(m_address);
    layout->addWidget(m_events);
    layout->addWidget(m_status);
    layout->addWidget(m_test);
    auto *buttons = new QHBoxLayout;
    m_testButton->setObjectName(u"testButton"_s);
    m_remove->setObjectName(u"removeButton"_s);
    for (QPushButton *button : {m_testButton, m_remove}) {
        button->setAccessibleDescription(name);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_testButton, &QPushButton::clicked, this, [this] { Q_EMIT testRequested(m_name); });
    connect(m_remove, &QPushButton::clicked, this, [this] { Q_EMIT removeRequested(m_name); });
    m_test->hide();
}

void DestinationCard::setSummary(const OutboxSummary &summary)
{
    const OutboundDestination &destination = summary.destination;
    m_url = destination.url.toDisplayString(QUrl::RemoveUserInfo);
    m_address->setText(tr("Address: %1").arg(m_url));
    m_events->setText(destination.eventCodes.isEmpty() ? tr("Events: all")
                                                       : tr("Events: %1").arg(destination.eventCodes.join(u", "_s)));
    const bool stopped = !destination.stoppedReason.isEmpty();
    const QString badge = stopped ? tr("Stopped") : destination.enabled ? tr("Active") : tr("Disabled");
    const QString colour = stopped ? u"#b26a00"_s : destination.enabled ? u"#2e7d32"_s : u"#757575"_s;
    m_badge->setText(badge);
    m_badge->setStyleSheet(
        u"QLabel { color: white; background: %1; border-radius: 6px; padding: 2px 8px; }"_s.arg(colour));
    m_badge->setAccessibleName(tr("Status: %1").arg(badge));
    m_status->setSummary(summary);
}

void DestinationCard::setTestState(bool testing, const QString &result, bool failed)
{
    m_testButton->setEnabled(!testing);
    const QString text = testing ? tr("Testing…") : result;
    m_test->setText(text);
    m_test->setStyleSheet(failed ? u"color: #a61b1b;"_s : QString());
    m_test->setVisible(!text.isEmpty());
}

bool DestinationCard::matches(const QString &filter) const
{
    const QString needle = filter.trimmed();
    return needle.isEmpty() || m_name.contains(needle, Qt::CaseInsensitive) ||
           m_url.contains(needle, Qt::CaseInsensitive) || u"webhook"_s.contains(needle, Qt::CaseInsensitive);
}

QString DestinationCard::addressText() const
{
    return m_address->text();
}

QString DestinationCard::eventsText() const
{
    return m_events->text();
}

QString DestinationCard::testText() const
{
    return m_test->isHidden() ? QString() : m_test->text();
}

QString DestinationCard::statusText() const
{
    return m_badge->text();
}
