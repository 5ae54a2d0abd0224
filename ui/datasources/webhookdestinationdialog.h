#pragma once

#include <QDialog>

class ConsoleBackend;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

// "Add webhook destination...": a name, the receiver's address (https; plain http only to this
// computer) and the events it wants (all, or a checklist of event codes). The backend generates the
// signing secret and keeps it in the keychain; this dialog then shows it once (SigningSecretDialog).
class WebhookDestinationDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit WebhookDestinationDialog(ConsoleBackend *backend, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QRadioButton *allEventsButton() const { return m_all; }
    QRadioButton *someEventsButton() const { return m_some; }
    QListWidget *eventList() const { return m_events; }
    QString errorText() const; // the visible refusal, empty when none
    void save();

Q_SIGNALS:
    // Stored (the secret dialog is open by then).
    void destinationAdded(const QString &name);

private:
    ConsoleBackend *m_backend;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QRadioButton *m_all;
    QRadioButton *m_some;
    QListWidget *m_events;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

// Shows a new signing secret once, with Copy, and says it will not be shown again. The text is
// cleared when the dialog closes.
class SigningSecretDialog final : public QDialog
{
    Q_OBJECT

public:
    SigningSecretDialog(const QString &destination, const QString &secret, QWidget *parent = nullptr);

    QString secretText() const;
    QString noticeText() const;

protected:
    void done(int result) override;

private:
    QLineEdit *m_secret;
    QLabel *m_notice;
};
