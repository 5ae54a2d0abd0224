#pragma once

#include <QString>
#include <QWidget>

class AuditLogModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class Store;

// The Audit log screen: every credential operation and verification of the current entity (who,
// when, what, outcome; never a secret), with a filter box and CSV export of what is shown. The
// store is not owned and must live on this thread.
class AuditLogPage final : public QWidget
{
    Q_OBJECT

public:
    AuditLogPage(Store *store, const QString &entity = QStringLiteral("default"), QWidget *parent = nullptr);

    QString entity() const { return m_entity; }
    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    // Writes the rows shown (filter applied) as CSV; an error message, or empty on success.
    QString exportCsv(const QString &path) const;

public Q_SLOTS:
    void setEntity(const QString &entity);
    void refresh();

private:
    void chooseExportFile();

    Store *m_store;
    QString m_entity;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};
