#pragma once

#include "event.h"
#include "snapshot.h"

#include <QList>
#include <QMap>
#include <QTimeZone>
#include <QWidget>

#include <functional>

class ConsoleBackend;
class EventTimelineModel;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
struct WatchlistRow;

// The detail card beside the watchlist, written for a coordinator: the status in words, every hold
// with its type, the provider's text and since when, terminal and line LFD apart with the effective
// one marked, demurrage, vessel, appointment, outgate trucker and chassis, each with where the value
// came from and when it was last seen; times in the site's zone with its offset. Below it the
// timeline in plain language; the raw provider payload of the selected event is one click away.
class ContainerDetailPane final : public QWidget
{
    Q_OBJECT

public:
    // The card's fields, in the order they are shown.
    enum class Field
    {
        Status,
        Holds,
        LfdTerminal,
        LfdLine,
        Demurrage,
        Vessel,
        Discharged,
        Location,
        Appointment,
        Outgate,
        EmptyReturned,
        Reference,
        LastError,
        NextTrace,
    };

    explicit ContainerDetailPane(ConsoleBackend &backend, QWidget *parent = nullptr);

    void showContainer(const WatchlistRow &row);
    void clear();

    // What the card shows for a field, and where that value came from and when it was last seen.
    QString valueText(Field field) const;
    QString sourceText(Field field) const;
    QString titleText() const;
    QString zoneText() const;

    EventTimelineModel *timelineModel() const { return m_model; }
    QTableView *timelineView() const { return m_view; }
    QPlainTextEdit *payloadView() const { return m_payload; }
    QPushButton *rawDataButton() const { return m_rawButton; }

private:
    struct FieldRow
    {
        QLabel *name = nullptr;
        QLabel *value = nullptr;
        QLabel *source = nullptr;
    };
    struct Context; // what one showContainer call renders from

    QWidget *buildCard();
    QWidget *buildTimeline();
    void addField(QGridLayout *grid, Field field, const QString &name);
    void setField(Field field, const QString &value, const QString &source);
    void fillCard(const Context &context);
    void fillLfd(const Context &context);
    void fillMovement(const Context &context);
    QString provenance(const Context &context, const std::function<bool(const Event &)> &matches) const;
    QString providerName(const QString &source) const;
    void showPayload();

    ConsoleBackend &m_backend;
    EventTimelineModel *m_model;
    QLabel *m_title;
    QLabel *m_zone;
    QWidget *m_card = nullptr;
    QMap<Field, FieldRow> m_fields;
    QTableView *m_view = nullptr;
    QPushButton *m_rawButton = nullptr;
    QPlainTextEdit *m_payload = nullptr;
};
