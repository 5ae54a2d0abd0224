#include "connectdialog.h"

#include "connectionservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ConnectDialog::ConnectDialog(ConnectionService *service, QString entity, const CatalogProvider &provider,
                             const std::optional<ConnectionRecord> &existing, QWidget *parent)
    : QDialog(parent), m_service(service), m_entity(std::move(entity)), m_provider(provider), m_existing(existing),
      m_warning(noteLabel(QString(), this, u"warningLabel"_s)), m_error(noteLabel(QString(), this, u"errorLabel"_s)),
      m_testResult(noteLabel(QString(), this, u"testResult"_s)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectDialog_"_s % provider.id);
    setWindowTitle(existing ? tr("Update %1").arg(provider.displayName) : tr("Connect %1").arg(provider.displayName));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(noteLabel(tr("Entity: %1").arg(m_entity), this, u"entityLabel"_s));
    for (const QString &line : provider.prerequisites)
        layout->addWidget(noteLabel(u"• "_s % line, this, u"prerequisite"_s));
    auto *form = new QFormLayout;
    for (const CatalogCredentialField &field : provider.credentialFields)
        addField(form, field);
    if (provider.credentialFields.isEmpty())
        form->addRow(noteLabel(tr("This provider needs no credentials."), this, u"noCredentials"_s));
    if (provider.environments.isEmpty())
        addBaseUrl(form); // the only address there is: required for verification, so not hidden
    layout->addLayout(form);
    if (!provider.credentialFields.isEmpty())
        layout->addWidget(noteLabel(tr("* required"), this, u"requiredNote"_s));
    if (!provider.environments.isEmpty())
        layout->addWidget(buildAdvanced());
    m_warning->setStyleSheet(u"color: #8a5a00;"_s);
    m_error->setStyleSheet(u"color: #a61b1b;"_s);
    m_warning->hide();
    m_error->hide();
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    m_testResult->hide();
    layout->addWidget(m_testResult);
    m_testButton = m_buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Check these credentials with the provider without saving them"));
    layout->addWidget(m_buttons);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConnectDialog::addField(QFormLayout *form, const CatalogCredentialField &field)
{
    // Catalog labels are translated in the context "ProviderCatalog" (translations/catalogstrings.h).
    const QString fieldLabel = QCoreApplication::translate("ProviderCatalog", field.label.toUtf8().constData());
    const QString label = fieldLabel % (field.required ? u" *"_s : QString());
    if (field.type == "boolean"_L1) {
        auto *box = new QCheckBox(fieldLabel, this);
        box->setObjectName(u"field_"_s % field.name);
        const QJsonValue stored =
            m_existing ? m_existing->fields.value(ConnectionService::fieldKey(field)) : QJsonValue();
        box->setChecked(stored.toBool() || stored.toString() == "true"_L1);
        if (field.name == "extendedPermissions"_L1)
            box->setToolTip(tr("Tick only once the terminal has approved extended API access for your account."));
        m_checks.insert(field.name, box);
        form->addRow(QString(), box);
        return;
    }
    auto *edit = new QLineEdit(this);
    edit->setObjectName(u"field_"_s % field.name);
    edit->setAccessibleName(fieldLabel);
    if (field.secret) {
        // Write-only: the saved value is never read back, only announced.
        edit->setEchoMode(QLineEdit::Password);
        const bool saved = m_existing && m_existing->savedSecretFields.contains(field.name);
        edit->setPlaceholderText(saved ? tr("saved — leave empty to keep") : field.placeholder);
        edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    } else {
        edit->setPlaceholderText(field.placeholder);
        if (m_existing)
            edit->setText(m_existing->fields.value(ConnectionService::fieldKey(field)).toString());
    }
    m_edits.insert(field.name, edit);
    form->addRow(label, edit);
}

QWidget *ConnectDialog::buildAdvanced()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *toggle = new QToolButton(box);
    toggle->setObjectName(u"advancedToggle"_s);
    toggle->setText(tr("Advanced"));
    toggle->setCheckable(true);
    toggle->setArrowType(Qt::RightArrow);
    toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *panel = new QWidget(box);
    auto *form = new QFormLayout(panel);
    if (!m_provider.environments.isEmpty()) {
        m_environment = new QComboBox(panel);
        m_environment->setObjectName(u"environment"_s);
        m_environment->addItems(m_provider.environments.keys());
        const QString current = m_existing ? m_existing->environment : QString();
        m_environment->setCurrentText(current.isEmpty() ? u"production"_s : current);
        form->addRow(tr("Environment"), m_environment);
    }
    addBaseUrl(form);
    const bool open = m_existing && !m_existing->baseUrl.isEmpty();
    panel->setVisible(open);
    toggle->setChecked(open);
    connect(toggle, &QToolButton::toggled, panel, [toggle, panel](bool on) {
        panel->setVisible(on);
        toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    layout->addWidget(toggle);
    layout->addWidget(panel);
    return box;
}

void ConnectDialog::addBaseUrl(QFormLayout *form)
{
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setPlaceholderText(m_provider.environments.isEmpty()
                                      ? tr("required for verification: the API address the provider gave you")
                                      : tr("empty: the provider's address for the environment"));
    if (m_existing)
        m_baseUrl->setText(m_existing->baseUrl);
    form->addRow(tr("Base URL"), m_baseUrl);
}

QLineEdit *ConnectDialog::lineEdit(const QString &fieldName) const
{
    return m_edits.value(fieldName);
}

QCheckBox *ConnectDialog::checkBox(const QString &fieldName) const
{
    return m_checks.value(fieldName);
}

QString ConnectDialog::testResultText() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

QString ConnectDialog::errorText() const
{
    return m_error->text();
}

QString ConnectDialog::warningText() const
{
    return m_warning->isVisible() || !m_warning->isHidden() ? m_warning->text() : QString();
}

// Trims every value in its widget; true when something changed, so the user sees it first.
bool ConnectDialog::trimInPlace()
{
    QStringList trimmed;
    for (const CatalogCredentialField &field : std::as_const(m_provider.credentialFields)) {
        QLineEdit *edit = m_edits.value(field.name);
        if (edit == nullptr || edit->text().trimmed() == edit->text())
            continue;
        edit->setText(edit->text().trimmed());
        trimmed.append(field.label);
    }
    if (m_baseUrl->text().trimmed() != m_baseUrl->text()) {
        m_baseUrl->setText(m_baseUrl->text().trimmed());
        trimmed.append(tr("Base URL"));
    }
    if (trimmed.isEmpty())
        return false;
    m_warning->setText(tr("Spaces before or after %1 were removed. Check the values and press Save again.")
                           .arg(trimmed.join(u", "_s)));
    m_warning->show();
    return true;
}

QStringList ConnectDialog::missingRequired() const
{
    QStringList missing;
    for (const CatalogCredentialField &field : m_provider.credentialFields) {
        const QLineEdit *edit = m_edits.value(field.name);
        if (!field.required || edit == nullptr || !edit->text().isEmpty())
            continue;
        if (field.secret && m_existing && m_existing->savedSecretFields.contains(field.name))
            continue; // empty keeps the saved secret
        missing.append(field.label);
    }
    return missing;
}

void ConnectDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

// The typed values, trimmed, checked and merged over the stored connection; nullopt (with the
// reason shown) when something must be fixed first.
std::optional<PreparedConnection> ConnectDialog::prepareDraft()
{
    showError(QString());
    if (trimInPlace())
        return std::nullopt;
    m_warning->hide();
    const QStringList missing = missingRequired();
    if (!missing.isEmpty()) {
        showError(tr("Fill in the required fields (marked *): %1").arg(missing.join(u", "_s)));
        return std::nullopt;
    }
    ConnectionDraft draft;
    draft.provider = m_provider.id;
    for (const CatalogCredentialField &field : std::as_const(m_provider.credentialFields)) {
        if (const QCheckBox *box = m_checks.value(field.name))
            draft.fields.insert(field.name, box->isChecked() ? u"true"_s : u"false"_s);
        else if (const QLineEdit *edit = m_edits.value(field.name))
            (field.secret ? draft.secrets : draft.fields).insert(field.name, edit->text());
    }
    if (m_environment)
        draft.environment = m_environment->currentText();
    draft.baseUrl = m_baseUrl->text();
    Result<PreparedConnection> prepared = m_service->prepare(m_entity, draft);
    if (!prepared) {
        showError(prepared.error().message);
        return std::nullopt;
    }
    return std::move(prepared.value());
}

void ConnectDialog::save()
{
    const std::optional<PreparedConnection> prepared = prepareDraft();
    if (!prepared)
        return;
    m_buttons->setEnabled(false);
    m_warning->setText(tr("Saving to the keychain..."));
    m_warning->show();
    QPointer<ConnectDialog> self(this);
    m_service->save(*prepared, [self](const Result<ConnectionRecord> &saved) {
        if (self)
            self->onSaved(saved.ok(), saved.ok() ? QString() : saved.error().message);
    });
}

void ConnectDialog::testConnection()
{
    m_testResult->hide();
    const std::optional<PreparedConnection> prepared = prepareDraft();
    if (!prepared)
        return;
    m_buttons->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing the connection..."));
    m_testResult->show();
    QPointer<ConnectDialog> self(this);
    m_service->test(*prepared, [self](const VerificationOutcome &outcome) {
        if (self)
            self->showTestResult(outcome);
    });
}

void ConnectDialog::showTestResult(const VerificationOutcome &outcome)
{
    m_buttons->setEnabled(true);
    if (outcome.ok && !outcome.verified) {
        m_testResult->setStyleSheet(u"color: #8a5a00;"_s);
        m_testResult->setText(tr("Cannot be tested: the provider documents no way to check credentials."));
    } else if (outcome.ok) {
        m_testResult->setStyleSheet(u"color: #2e7d32;"_s);
        m_testResult->setText(tr("Connection works: the provider accepted these credentials. Nothing is saved "
                                 "until you press Save."));
    } else {
        m_testResult->setStyleSheet(u"color: #a61b1b;"_s);
        const QString failed = tr("Test failed: %1").arg(outcome.message);
        m_testResult->setText(outcome.advice.isEmpty() ? failed : QString(failed % u"\n"_s % outcome.advice));
    }
    m_testResult->show();
}

void ConnectDialog::onSaved(bool ok, const QString &message)
{
    m_buttons->setEnabled(true);
    m_warning->hide();
    if (!ok) {
        showError(tr("Not saved: %1").arg(message));
        return;
    }
    // The secrets are in the keychain now; none stays in a widget.
    for (const CatalogCredentialField &field : std::as_const(m_provider.credentialFields)) {
        if (QLineEdit *edit = m_edits.value(field.name); edit && field.secret)
            edit->clear();
    }
    Q_EMIT saved(m_provider.id);
    accept();
}
