#include "entityswitcher.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>

namespace {
constexpr int newEntityRole = Qt::UserRole + 1;
}

EntitySwitcher::EntitySwitcher(QWidget *parent) : QWidget(parent), m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Entity:"), this);
    label->setBuddy(m_combo);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    m_combo->setObjectName(QStringLiteral("entityCombo"));
    m_combo->setAccessibleName(tr("Entity"));
    m_combo->setToolTip(tr("Connections belong to an entity (company); switch to work as another entity."));
    setEntities({QStringLiteral("default")}, QStringLiteral("default"));
    connect(m_combo, &QComboBox::activated, this, &EntitySwitcher::onActivated);
}

QString EntitySwitcher::currentEntity() const
{
    return m_current;
}

QStringList EntitySwitcher::entities() const
{
    QStringList names;
    for (int i = 0; i < m_combo->count(); ++i) {
        if (!m_combo->itemData(i, newEntityRole).toBool())
            names.append(m_combo->itemText(i));
    }
    return names;
}

void EntitySwitcher::setEntities(const QStringList &entities, const QString &current)
{
    QStringList names = entities;
    if (!current.isEmpty() && !names.contains(current))
        names.append(current);
    names.removeDuplicates();
    m_combo->clear();
    m_combo->addItems(names);
    m_combo->addItem(tr("New entity..."));
    m_combo->setItemData(m_combo->count() - 1, true, newEntityRole);
    m_current = current.isEmpty() ? names.value(0) : current;
    m_combo->setCurrentIndex(int(names.indexOf(m_current)));
}

void EntitySwitcher::addEntity(const QString &entity)
{
    const QString name = entity.trimmed();
    if (name.isEmpty())
        return;
    QStringList names = entities();
    if (!names.contains(name))
        names.append(name);
    const bool changed = name != m_current;
    setEntities(names, name);
    if (changed)
        Q_EMIT entityChanged(m_current);
}

void EntitySwitcher::onActivated(int index)
{
    if (m_combo->itemData(index, newEntityRole).toBool()) {
        m_combo->setCurrentIndex(int(entities().indexOf(m_current)));
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New entity"), tr("Entity (company) name:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            addEntity(name);
        return;
    }
    const QString name = m_combo->itemText(index);
    if (name == m_current)
        return;
    m_current = name;
    Q_EMIT entityChanged(m_current);
}
