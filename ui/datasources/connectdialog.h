#pragma once

#include "connectionrecord.h"
#include "connectionservice.h"
#include "providercatalog.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// The connection dialog of one provider, generated from its catalog credential fields for every
// auth type. Required fields are marked and enforced; spaces around values are trimmed with a
// visible warning; secrets are write-only: a saved secret is shown as "saved", never loaded into a
// widget, and left unchanged when its field stays empty. Saving goes through ConnectionService
// (keychain first) and does not block: keychain trouble is shown here with the fix.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(ConnectionService *service, QString entity, const CatalogProvider &provider,
                  const std::optional<ConnectionRecord> &existing, QWidget *parent = nullptr);

    QLineEdit *lineEdit(const QString &fieldName) const; // by catalog field name; nullptr when none
    QCheckBox *checkBox(const QString &fieldName) const;
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QPushButton *testButton() const { return m_testButton; }
    QString testResultText() const;
    QString errorText() const;
    QString warningText() const;

public Q_SLOTS:
    void save();
    // Checks the typed credentials with the provider without saving them.
    void testConnection();

Q_SIGNALS:
    void saved(const QString &provider);

private:
    void addField(class QFormLayout *form, const CatalogCredentialField &field);
    QWidget *buildAdvanced();
    void addBaseUrl(class QFormLayout *form);
    std::optional<PreparedConnection> prepareDraft();
    void showTestResult(const VerificationOutcome &outcome);
    bool trimInPlace();
    QStringList missingRequired() const;
    void showError(const QString &message);
    void onSaved(bool ok, const QString &message);

    ConnectionService *m_service;
    QString m_entity;
    CatalogProvider m_provider;
    std::optional<ConnectionRecord> m_existing;
    QHash<QString, QLineEdit *> m_edits;
    QHash<QString, QCheckBox *> m_checks;
    QComboBox *m_environment = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_warning;
    QLabel *m_error;
    QLabel *m_testResult;
    QPushButton *m_testButton = nullptr;
    QDialogButtonBox *m_buttons;
};
