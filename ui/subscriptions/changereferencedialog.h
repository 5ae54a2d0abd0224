#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

// "Change reference…": a new user defined reference overwrites the old one and restarts the 90-day
// window, so the dialog says so, and it checks the text with the caller's rules (the request
// validation) before closing, so nothing is sent for a reference the provider would refuse.
class ChangeReferenceDialog final : public QDialog
{
    Q_OBJECT

public:
    using Validator = std::function<QStringList(const QString &reference)>;

    ChangeReferenceDialog(const QString &current, int count, Validator validator, QWidget *parent = nullptr);

    QString reference() const;
    QLineEdit *referenceEdit() const { return m_edit; }
    QLabel *problemsLabel() const { return m_problems; }

    void accept() override;

private:
    QLineEdit *m_edit;
    QLabel *m_problems;
    Validator m_validator;
};
