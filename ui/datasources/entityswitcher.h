#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;

// Picks the entity (company) whose connections the screen shows. Credentials belong to an entity,
// not to a user, and support works "as" another entity by switching here; "New entity..." adds one.
class EntitySwitcher final : public QWidget
{
    Q_OBJECT

public:
    explicit EntitySwitcher(QWidget *parent = nullptr);

    QString currentEntity() const;
    QStringList entities() const;
    void setEntities(const QStringList &entities, const QString &current);
    // Adds (if new) and selects the entity; ignores blank names.
    void addEntity(const QString &entity);

Q_SIGNALS:
    void entityChanged(const QString &entity);

private:
    void onActivated(int index);

    QComboBox *m_combo;
    QString m_current;
};
