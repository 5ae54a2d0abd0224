#include "changereferencedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ChangeReferenceDialog::ChangeReferenceDialog(const QString &current, int count, Validator validator, QWidget *parent)
    : QDialog(parent), m_edit(new QLineEdit(current, this)), m_problems(new QLabel(this)),
      m_validator(std::move(validator))
{
    setWindowTitle(tr("Change reference"));
    auto *explanation =
        new QLabel(tr("The new reference replaces the old one on %n subscription(s) and starts a new 90-day "
                      "window.",
                      nullptr, count),
                   this);
    explanation->setWordWrap(true);
    auto *label = new QLabel(tr("&Reference:"), this);
    label->setBuddy(m_edit);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(u"color: #b00020;"_s);
    m_problems->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangeReferenceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangeReferenceDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
}

QString ChangeReferenceDialog::reference() const
{
    return m_edit->text();
}

void ChangeReferenceDialog::accept()
{
    const QStringList problems = m_validator ? m_validator(reference()) : QStringList();
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(u'\n'));
        m_problems->show();
        return;
    }
    QDialog::accept();
}
