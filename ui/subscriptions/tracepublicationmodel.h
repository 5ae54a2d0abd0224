#pragma once

#include "subscriptionstore.h"

#include <QAbstractTableModel>
#include <QList>

// The containers published for tracing and whether each publication still stands, for
// the publishing tab's table.
class TracePublicationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Provider,
        State,
        Published,
        Cancelled,
        ColumnCount
    };
    static constexpr int NumberRole = Qt::UserRole + 1;

    explicit TracePublicationModel(QObject *parent = nullptr);

    void setPublications(const QList<TracePublication> &publications);
    const QList<TracePublication> &publications() const { return m_publications; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TracePublication> m_publications;
};
