#include "containerdetailpane.h"

#include "consolebackend.h"
#include "eventtimelinemodel.h"
#include "statuspresentation.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

// Everything one container's card is drawn from.
struct ContainerDetailPane::Context
{
    const WatchlistRow &row;
    ContainerSnapshot snapshot;
    QList<Event> events; // newest first
    QTimeZone zone;
    QDate today;
};

namespace {

const QString noValue = u"—"_s;

// The watchlist row as a snapshot, for backends that cannot read the whole container.
ContainerSnapshot snapshotFromRow(const WatchlistRow &row)
{
    ContainerSnapshot snapshot;
    snapshot.status = row.status;
    snapshot.vesselName = row.vessel;
    snapshot.voyage = row.voyage;
    snapshot.vesselEta = WatchlistRow::toDateTime(row.vesselEta);
    snapshot.dischargedAt = WatchlistRow::toDateTime(row.dischargedAt);
    snapshot.available = row.available;
    snapshot.location = row.location;
    for (const WatchlistHold &hold : row.holds)
        snapshot.holds.append({hold.type, hold.sourceCode, {}});
    snapshot.lfdTerminal = row.lfdTerminal;
    snapshot.lfdLine = row.lfdLine;
    if (row.hasDemurrage)
        snapshot.demurrageAmount = row.demurrage;
    snapshot.outgatedAt = WatchlistRow::toDateTime(row.outgatedAt);
    snapshot.emptyReturnedAt = WatchlistRow::toDateTime(row.emptyReturnedAt);
    snapshot.pickupAppointmentAt = WatchlistRow::toDateTime(row.appointmentAt);
    return snapshot;
}

bool isOneOf(const Event &event, std::initializer_list<EventCode> codes)
{
    return std::find(codes.begin(), codes.end(), event.code) != codes.end();
}

QLabel *cardLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // Tab reaches every value, and a screen reader reads it; a coordinator can copy a number.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::TabFocus);
    return label;
}

} // namespace

ContainerDetailPane::ContainerDetailPane(ConsoleBackend &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new EventTimelineModel(this)), m_title(new QLabel(this)),
      m_zone(new QLabel(this))
{
    setObjectName(u"containerDetailPane"_s);
    m_title->setObjectName(u"detailTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_zone->setObjectName(u"detailZone"_s);
    m_zone->setWordWrap(true);
    m_zone->setTextFormat(Qt::PlainText);
    m_zone->setEnabled(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildCard());
    splitter->addWidget(scroll);
    splitter->addWidget(buildTimeline());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_zone);
    layout->addWidget(splitter, 1);
    clear();
}

QWidget *ContainerDetailPane::buildCard()
{
    m_card = new QWidget(this);
    m_card->setObjectName(u"detailCard"_s);
    auto *grid = new QGridLayout(m_card);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setColumnStretch(1, 1);
    addField(grid, Field::Status, tr("Status"));
    addField(grid, Field::Holds, tr("Holds"));
    addField(grid, Field::LfdTerminal, tr("Terminal LFD"));
    addField(grid, Field::LfdLine, tr("Line LFD"));
    addField(grid, Field::Demurrage, tr("Demurrage"));
    addField(grid, Field::Vessel, tr("Vessel"));
    addField(grid, Field::Discharged, tr("Discharged"));
    addField(grid, Field::Location, tr("Yard location"));
    addField(grid, Field::Appointment, tr("Pickup appointment"));
    addField(grid, Field::Outgate, tr("Outgate"));
    addField(grid, Field::EmptyReturned, tr("Empty returned"));
    addField(grid, Field::Reference, tr("Reference"));
    addField(grid, Field::LastError, tr("Last error"));
    addField(grid, Field::NextTrace, tr("Next trace"));
    grid->setRowStretch(grid->rowCount(), 1);
    return m_card;
}

void ContainerDetailPane::addField(QGridLayout *grid, Field field, const QString &name)
{
    const int row = grid->rowCount();
    const QString key = QString::number(int(field));
    FieldRow labels;
    labels.name = new QLabel(name, m_card);
    labels.name->setObjectName(u"name_"_s % key);
    labels.name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    labels.value = cardLabel(m_card, u"value_"_s % key);
    labels.value->setAccessibleName(name);
    labels.name->setBuddy(labels.value);
    labels.source = cardLabel(m_card, u"source_"_s % key);
    labels.source->setAccessibleName(tr("%1: source").arg(name));
    labels.source->setEnabled(false); // secondary: greyed, still readable
    QFont small = labels.source->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    labels.source->setFont(small);
    // The source goes under its value: the pane is narrow beside the watchlist.
    grid->addWidget(labels.name, row, 0);
    grid->addWidget(labels.value, row, 1);
    grid->addWidget(labels.source, row + 1, 1);
    m_fields.insert(field, labels);
}

QWidget *ContainerDetailPane::buildTimeline()
{
    auto *box = new QWidget(this);
    m_view = new QTableView(box);
    m_view->setObjectName(u"timelineView"_s);
    m_view->setAccessibleName(tr("Event timeline"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the raw-data button
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_rawButton = new QPushButton(tr("Show raw data"), box);
    m_rawButton->setObjectName(u"rawDataButton"_s);
    m_rawButton->setCheckable(true);
    m_rawButton->setToolTip(tr("The provider's payload behind the selected event"));
    m_payload = new QPlainTextEdit(box);
    m_payload->setObjectName(u"rawPayload"_s);
    m_payload->setAccessibleName(tr("Raw provider data"));
    m_payload->setReadOnly(true);
    m_payload->setTabChangesFocus(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlaceholderText(tr("Select an event to see the provider's payload behind it."));
    m_payload->hide();
    connect(m_rawButton, &QPushButton::toggled, this, [this](bool shown) {
        m_payload->setVisible(shown);
        m_rawButton->setText(shown ? tr("Hide raw data") : tr("Show raw data"));
    });
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rawButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_payload, 2);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ContainerDetailPane::showPayload);
    setTabOrder(m_view, m_rawButton);
    setTabOrder(m_rawButton, m_payload);
    return box;
}

void ContainerDetailPane::showContainer(const WatchlistRow &row)
{
    const QTimeZone zone = m_backend.siteTimeZone(row.provider, row.site);
    Result<QList<Event>> events = m_backend.events(row.id);
    m_payload->clear();
    m_card->show();
    if (!events) {
        m_model->clear();
        m_title->setText(tr("%1: cannot read the events: %2").arg(row.number, events.error().message));
        return;
    }
    const QDateTime now = m_backend.clock().now();
    const QString zoneName = zone.isValid() ? QString::fromUtf8(zone.id()) : u"UTC"_s;
    m_zone->setText(tr("Times in %1 (%2, %3), the site's time zone")
                        .arg(zoneName, zone.abbreviation(now), zone.displayName(now, QTimeZone::OffsetName)));
    Context context{row, snapshotFromRow(row), events.value(), zone, m_backend.today()};
    if (const Result<std::optional<WatchEntry>> entry = m_backend.container(row.id); entry && entry->has_value())
        context.snapshot = entry->value().snapshot;
    m_title->setText(tr("%1 · %2 at %3").arg(row.number, StatusPresentation::statusLabel(row.status), row.site));
    fillCard(context);
    m_model->setEvents(std::move(events.value()), zone);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_view->resizeColumnsToContents();
}

void ContainerDetailPane::clear()
{
    m_model->clear();
    m_payload->clear();
    m_card->hide();
    m_zone->clear();
    m_title->setText(tr("Select a container to see its details and event timeline."));
}

QString ContainerDetailPane::valueText(Field field) const
{
    return m_fields.value(field).value ? m_fields.value(field).value->text() : QString();
}

QString ContainerDetailPane::sourceText(Field field) const
{
    return m_fields.value(field).source ? m_fields.value(field).source->text() : QString();
}

QString ContainerDetailPane::titleText() const
{
    return m_title->text();
}

QString ContainerDetailPane::zoneText() const
{
    return m_zone->text();
}

void ContainerDetailPane::setField(Field field, const QString &value, const QString &source)
{
    const FieldRow labels = m_fields.value(field);
    labels.value->setText(value.isEmpty() ? noValue : value);
    labels.source->setText(source);
}

// "<provider name> (<site>)" for a source "<provider id>/<site>".
QString ContainerDetailPane::providerName(const QString &source) const
{
    const QString provider = source.section(u'/', 0, 0);
    const QString site = source.section(u'/', 1);
    QString name = provider;
    for (const ProviderChoice &choice : m_backend.providers()) {
        if (choice.id == provider)
            name = choice.displayName;
    }
    return site.isEmpty() ? name : tr("%1 (%2)").arg(name, site);
}

// Where a value came from: the newest event that reported it, else the container's last trace.
QString ContainerDetailPane::provenance(const Context &context, const std::function<bool(const Event &)> &matches) const
{
    for (const Event &event : context.events) {
        if (matches(event))
            return tr("%1 · seen %2")
                .arg(providerName(event.source), EventTimelineModel::siteTime(event.observedAt, context.zone));
    }
    const QDateTime traced = WatchlistRow::toDateTime(context.row.lastTracedAt);
    if (!traced.isValid())
        return tr("not traced yet");
    return tr("%1 · last traced %2")
        .arg(providerName(context.row.provider % u'/' % context.row.site),
             EventTimelineModel::siteTime(traced, context.zone));
}

void ContainerDetailPane::fillCard(const Context &context)
{
    const ContainerSnapshot &snapshot = context.snapshot;
    QString status = StatusPresentation::statusLabel(snapshot.status);
    if (snapshot.available.has_value() && snapshot.status != ContainerStatus::Available &&
        snapshot.status != ContainerStatus::NotAvailable && !context.row.pickedUp())
        status = tr("%1, %2").arg(status, *snapshot.available ? tr("available") : tr("not available"));
    if (context.row.yardListingConflict)
        status += u'\n' + tr("The terminal still lists it in the yard although the gate saw it leave.");
    setField(Field::Status, status, provenance(context, [](const Event &event) {
                 return isOneOf(event, {EventCode::Available, EventCode::NotAvailable, EventCode::Discharged,
                                        EventCode::Outgated, EventCode::EmptyReturned, EventCode::VesselArrived,
                                        EventCode::NotFound, EventCode::GateIn, EventCode::Loaded});
             }));
    QStringList holds;
    for (const Hold &hold : snapshot.holds) {
        QString text = tr("%1 hold").arg(StatusPresentation::holdLabel(hold.type));
        if (!hold.sourceCode.isEmpty())
            text = tr("%1 (“%2”)").arg(text, hold.sourceCode);
        if (hold.since.isValid())
            text = tr("%1 since %2").arg(text, EventTimelineModel::siteTime(hold.since, context.zone));
        holds.append(text);
    }
    setField(Field::Holds, holds.isEmpty() ? tr("No holds") : holds.join(u'\n'),
             provenance(context, [](const Event &e) {
                 return isOneOf(e, {EventCode::HoldAdded, EventCode::HoldReleased});
             }));
    fillLfd(context);
    setField(Field::Demurrage,
             snapshot.demurrageAmount ? QLocale().toString(*snapshot.demurrageAmount, 'f', 2) : tr("none reported"),
             provenance(context, [](const Event &) { return false; }));
    fillMovement(context);
    QStringList reference;
    if (!context.row.reference.isEmpty())
        reference.append(context.row.reference);
    if (!context.row.billOfLading.isEmpty())
        reference.append(tr("B/L %1").arg(context.row.billOfLading));
    setField(Field::Reference, reference.join(u" · "_s), {});
    setField(Field::LastError, context.row.lastError.isEmpty() ? tr("none") : context.row.lastError, {});
    // When the provider asked to wait (Retry-After) this is when it allows the next question.
    const QDateTime next = WatchlistRow::toDateTime(context.row.nextTraceAt);
    setField(Field::NextTrace, next.isValid() ? EventTimelineModel::siteTime(next, context.zone) : tr("not scheduled"),
             {});
}

void ContainerDetailPane::fillLfd(const Context &context)
{
    const ContainerSnapshot &snapshot = context.snapshot;
    const QDate effective = snapshot.lfd();
    const auto lfdText = [&](const QDate &date) {
        if (!date.isValid())
            return tr("not given");
        QString text = QLocale().toString(date, u"ddd d MMM yyyy"_s);
        if (date == effective && snapshot.lfdTerminal.isValid() && snapshot.lfdLine.isValid())
            text = tr("%1 (effective: the earlier)").arg(text);
        else if (date == effective)
            text = tr("%1 (effective)").arg(text);
        // Days left matter only while the container is still at the terminal.
        if (date == effective && !context.row.pickedUp())
            text = tr("%1, %2").arg(text, StatusPresentation::lfdDaysLeft(date, context.today));
        return text;
    };
    const auto lfdEvent = [](const QString &kind) {
        return [kind](const Event &event) {
            const QString given = event.data.value(u"kind"_s).toString();
            return event.code == EventCode::LfdChanged && (given.isEmpty() || given == kind);
        };
    };
    setField(Field::LfdTerminal, lfdText(snapshot.lfdTerminal), provenance(context, lfdEvent(u"terminal"_s)));
    setField(Field::LfdLine, lfdText(snapshot.lfdLine), provenance(context, lfdEvent(u"line"_s)));
}

void ContainerDetailPane::fillMovement(const Context &context)
{
    const ContainerSnapshot &snapshot = context.snapshot;
    const auto time = [&context](const QDateTime &at) { return EventTimelineModel::siteTime(at, context.zone); };
    const auto by = [this, &context](std::initializer_list<EventCode> codes) {
        const QList<EventCode> wanted(codes);
        return provenance(context, [wanted](const Event &event) { return wanted.contains(event.code); });
    };
    QStringList vessel;
    if (!snapshot.vesselName.isEmpty())
        vessel.append(snapshot.voyage.isEmpty() ? snapshot.vesselName
                                                : tr("%1, voyage %2").arg(snapshot.vesselName, snapshot.voyage));
    if (snapshot.vesselAta.isValid())
        vessel.append(tr("arrived %1").arg(time(snapshot.vesselAta)));
    else if (snapshot.vesselEta.isValid())
        vessel.append(tr("ETA %1").arg(time(snapshot.vesselEta)));
    setField(Field::Vessel, vessel.join(u'\n'), by({EventCode::VesselEta, EventCode::VesselArrived}));
    setField(Field::Discharged, snapshot.dischargedAt.isValid() ? time(snapshot.dischargedAt) : tr("not yet"),
             by({EventCode::Discharged}));
    const QString location =
        snapshot.locationLot.isEmpty() ? snapshot.location : tr("%1 (%2)").arg(snapshot.location, snapshot.locationLot);
    setField(Field::Location, location, by({}));
    setField(Field::Appointment,
             snapshot.pickupAppointmentAt.isValid() ? time(snapshot.pickupAppointmentAt) : tr("none"),
             by({EventCode::PickupAppointment}));
    QStringList outgate;
    outgate.append(snapshot.outgatedAt.isValid() ? time(snapshot.outgatedAt) : tr("not yet"));
    if (!snapshot.outgateTrucker.isEmpty())
        outgate.append(tr("trucker %1").arg(snapshot.outgateTrucker));
    if (!snapshot.chassisNumber.isEmpty())
        outgate.append(tr("chassis %1").arg(snapshot.chassisNumber));
    setField(Field::Outgate, outgate.join(u'\n'), by({EventCode::Outgated}));
    setField(Field::EmptyReturned, snapshot.emptyReturnedAt.isValid() ? time(snapshot.emptyReturnedAt) : tr("not yet"),
             by({EventCode::EmptyReturned}));
}

void ContainerDetailPane::showPayload()
{
    const QModelIndex current = m_view->currentIndex();
    m_payload->setPlainText(current.isValid() ? current.data(EventTimelineModel::RawPayloadRole).toString()
                                              : QString());
}
