#include "addcontainersdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

AddContainersDialog::AddContainersDialog(QList<ProviderChoice> providers, QWidget *parent)
    : QDialog(parent), m_providers(std::move(providers)), m_numbers(new QPlainTextEdit(this)),
      m_verdicts(new QListWidget(this)), m_summary(new QLabel(this)), m_provider(new QComboBox(this)),
      m_site(new QComboBox(this)), m_form(new QFormLayout), m_reference(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add containers"));
    m_numbers->setPlaceholderText(tr("Type or paste container numbers: one per line, or separated by commas or "
                                     "spaces"));
    // Tab moves on: a container number never contains one, and pasted tabs are separators anyway.
    m_numbers->setTabChangesFocus(true);
    m_numbers->setAccessibleName(tr("Container numbers"));
    m_verdicts->setSelectionMode(QAbstractItemView::NoSelection);
    m_verdicts->setAccessibleName(tr("Checked container numbers"));
    m_provider->setAccessibleName(tr("Provider"));
    m_site->setAccessibleName(tr("Site"));
    m_reference->setAccessibleName(tr("Reference"));
    m_reference->setMaxLength(WatchEntry::maxReferenceLength);
    m_reference->setPlaceholderText(tr("Optional, at most %1 characters").arg(WatchEntry::maxReferenceLength));
    for (const ProviderChoice &provider : std::as_const(m_providers))
        m_provider->addItem(provider.displayName, provider.id);
    m_form->addRow(tr("Provider:"), m_provider);
    m_form->addRow(tr("Site:"), m_site);
    m_form->addRow(tr("Reference:"), m_reference);

    auto *layout = new QVBoxLayout(this);
    auto *numbersLabel = new QLabel(tr("Container &numbers:"), this);
    numbersLabel->setBuddy(m_numbers);
    layout->addWidget(numbersLabel);
    layout->addWidget(m_numbers, 2);
    layout->addWidget(m_verdicts, 2);
    layout->addWidget(m_summary);
    layout->addLayout(m_form);
    layout->addWidget(m_buttons);

    connect(m_numbers, &QPlainTextEdit::textChanged, this, &AddContainersDialog::onNumbersChanged);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &AddContainersDialog::onProviderChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onProviderChanged();
    onNumbersChanged();
    resize(520, 560);
}

QList<ContainerNumberCheck> AddContainersDialog::parseNumbers(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    QList<ContainerNumberCheck> checks;
    QSet<QString> seen;
    for (const QString &token : text.split(separators, Qt::SkipEmptyParts)) {
        ContainerNumberCheck check = ContainerNumber::check(token);
        if (seen.contains(check.normalized))
            continue;
        seen.insert(check.normalized);
        checks.append(std::move(check));
    }
    return checks;
}

void AddContainersDialog::setNumbersText(const QString &text)
{
    m_numbers->setPlainText(text);
}

int AddContainersDialog::validCount() const
{
    return int(std::count_if(m_checks.cbegin(), m_checks.cend(), [](const auto &check) { return check.valid; }));
}

QLineEdit *AddContainersDialog::dataFieldEdit(const QString &name) const
{
    for (const auto &field : m_dataFields) {
        if (field.first.name == name)
            return field.second;
    }
    return nullptr;
}

void AddContainersDialog::onNumbersChanged()
{
    m_checks = parseNumbers(m_numbers->toPlainText());
    m_verdicts->clear();
    for (const ContainerNumberCheck &check : std::as_const(m_checks)) {
        auto *item = new QListWidgetItem(m_verdicts);
        if (check.valid) {
            item->setText(tr("✓ %1").arg(check.normalized));
            item->setForeground(QColor(0x2e, 0x7d, 0x32));
        } else {
            item->setText(tr("✗ %1: %2").arg(check.normalized, check.reason));
            item->setForeground(QColor(0xc6, 0x28, 0x28));
        }
        item->setData(Qt::UserRole, check.valid);
    }
    const int valid = validCount();
    m_summary->setText(tr("%1 valid, %2 invalid").arg(valid).arg(m_checks.size() - valid));
    updateAcceptable();
}

void AddContainersDialog::onProviderChanged()
{
    for (const auto &field : std::as_const(m_dataFields)) {
        m_form->removeRow(field.second);
    }
    m_dataFields.clear();
    m_site->clear();
    const int index = m_provider->currentIndex();
    if (index < 0 || index >= m_providers.size()) {
        updateAcceptable();
        return;
    }
    const ProviderChoice &provider = m_providers.at(index);
    for (const ProviderSiteChoice &site : provider.sites)
        m_site->addItem(tr("%1 (%2)").arg(site.name, site.id), site.id);
    for (const ProviderDataFieldChoice &field : provider.dataFields) {
        auto *edit = new QLineEdit(this);
        edit->setAccessibleName(field.label);
        edit->setPlaceholderText(field.required ? tr("Required") : tr("Optional"));
        m_form->insertRow(m_form->rowCount() - 1, field.required ? tr("%1 *:").arg(field.label) : field.label + u':',
                          edit);
        connect(edit, &QLineEdit::textChanged, this, &AddContainersDialog::updateAcceptable);
        m_dataFields.append({field, edit});
    }
    updateTabOrder();
    updateAcceptable();
}

// Fields made for a provider join the focus chain last (after the buttons); put them where they are
// shown, so Tab from the last data field reaches the reference and the buttons, not the numbers box.
void AddContainersDialog::updateTabOrder()
{
    QList<QWidget *> chain{m_numbers, m_verdicts, m_provider, m_site};
    for (const auto &field : std::as_const(m_dataFields))
        chain.append(field.second);
    chain.append(m_reference);
    chain.append(m_buttons);
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void AddContainersDialog::updateAcceptable()
{
    bool ready = validCount() > 0 && m_provider->currentIndex() >= 0;
    for (const auto &field : std::as_const(m_dataFields)) {
        if (field.first.required && field.second->text().trimmed().isEmpty())
            ready = false;
    }
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(ready);
    ok->setText(tr("Add %n container(s)", nullptr, validCount()));
}

QList<WatchEntry> AddContainersDialog::entries() const
{
    QJsonObject data;
    for (const auto &field : m_dataFields) {
        const QString value = field.second->text().trimmed();
        if (!value.isEmpty())
            data.insert(field.first.name, value);
    }
    QList<WatchEntry> result;
    for (const ContainerNumberCheck &check : m_checks) {
        if (!check.valid)
            continue;
        WatchEntry entry;
        entry.containerNumber = check.normalized;
        entry.provider = m_provider->currentData().toString();
        entry.site = m_site->currentData().toString();
        entry.providerData = data;
        entry.reference = m_reference->text().trimmed();
        result.append(entry);
    }
    return result;
}
