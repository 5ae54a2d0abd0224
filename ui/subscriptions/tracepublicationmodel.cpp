#include "tracepublicationmodel.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

TracePublicationModel::TracePublicationModel(QObject *parent) : QAbstractTableModel(parent) {}

void TracePublicationModel::setPublications(const QList<TracePublication> &publications)
{
    beginResetModel();
    m_publications = publications;
    endResetModel();
}

int TracePublicationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_publications.size());
}

int TracePublicationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TracePublicationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TracePublication &publication = m_publications.at(index.row());
    if (role == NumberRole)
        return publication.number;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return publication.number;
    case Provider:
        return publication.provider;
    case State:
        if (publication.state == "requested"_L1)
            return tr("Tracing");
        if (publication.state == "cancelled"_L1)
            return tr("Cancelled");
        return publication.state;
    case Published:
        return timeText(publication.publishedAt);
    case Cancelled:
        return timeText(publication.cancelledAt);
    default:
        return {};
    }
}

QVariant TracePublicationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Container");
    case Provider:
        return tr("Provider");
    case State:
        return tr("State");
    case Published:
        return tr("Published");
    case Cancelled:
        return tr("Cancelled");
    default:
        return {};
    }
}
