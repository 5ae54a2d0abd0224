#pragma once

#include "consolebackend.h"
#include "containernumber.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

// Adds containers by typing or pasting many numbers at once (one per line, or separated by commas
// or spaces, as they come out of e-mails and spreadsheets). Each number is judged as you type so a
// mistyped check digit is caught before anything is traced.
class AddContainersDialog final : public QDialog
{
    Q_OBJECT

public:
    AddContainersDialog(QList<ProviderChoice> providers, QWidget *parent = nullptr);

    // The distinct numbers in the text, each with its verdict, in the order typed.
    static QList<ContainerNumberCheck> parseNumbers(const QString &text);

    void setNumbersText(const QString &text);
    QList<ContainerNumberCheck> checks() const { return m_checks; }
    int validCount() const;
    // The watch entries to add: the valid numbers with the chosen provider, site and data fields.
    QList<WatchEntry> entries() const;

    QPlainTextEdit *numbersEdit() const { return m_numbers; }
    QListWidget *verdictList() const { return m_verdicts; }
    QComboBox *providerCombo() const { return m_provider; }
    QComboBox *siteCombo() const { return m_site; }
    QLineEdit *dataFieldEdit(const QString &name) const;
    QLineEdit *referenceEdit() const { return m_reference; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void onNumbersChanged();
    void onProviderChanged();
    void updateAcceptable();
    void updateTabOrder();

    QList<ProviderChoice> m_providers;
    QList<ContainerNumberCheck> m_checks;
    QPlainTextEdit *m_numbers;
    QListWidget *m_verdicts;
    QLabel *m_summary;
    QComboBox *m_provider;
    QComboBox *m_site;
    QFormLayout *m_form;
    QList<QPair<ProviderDataFieldChoice, QLineEdit *>> m_dataFields;
    QLineEdit *m_reference;
    QDialogButtonBox *m_buttons;
};
