#pragma once

#include "auditentry.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QWidget>

class AuditLogModel;
class ConsoleBackend;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// The Audit log screen: every credential operation and verification of the current entity (who,
// when, what, outcome; never a secret), with a filter box and CSV export of what is shown. It reads
// through the console backend off the window's thread and says so while it loads.
class AuditLogPage final : public QWidget
{
    Q_OBJECT

public:
    // Shows backend's current entity until setEntity; the backend must outlive the page.
    explicit AuditLogPage(ConsoleBackend &backend, QWidget *parent = nullptr);

    QString entity() const { return m_entity; }
    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    QLabel *statusLabel() const { return m_status; } // "Loading…" or why the log cannot be read
    bool isLoading() const { return m_loading; }
    // Writes the rows shown (filter applied) as CSV; an error message, or empty on success.
    QString exportCsv(const QString &path) const;

public Q_SLOTS:
    void setEntity(const QString &entity);
    void refresh(); // starts a read; loaded() follows

Q_SIGNALS:
    void loaded();

private:
    void chooseExportFile();
    void takeEntries(Result<QList<AuditEntry>> entries);

    ConsoleBackend &m_backend;
    QString m_entity;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_status;
    bool m_loading = false;
    int m_generation = 0; // a slower, older read never shows another entity's log
};
