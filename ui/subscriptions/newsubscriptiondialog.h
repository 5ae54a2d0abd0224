#pragma once

#include "subscriptionprovider.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;
class SubscriptionService;

// "New subscription…": the form for one subscription at the service's subscribing provider, with
// that provider's allowed values. It refuses to close with OK while the provider's request rules
// (SubscriptionService::validate) find problems and shows them all, so a bad request
// (a 51-character reference, two event types on v1, an unknown port) never reaches the network.
// The webhook token field is write-only: the dialog hands it on once and never shows a stored one.
class NewSubscriptionDialog final : public QDialog
{
    Q_OBJECT

public:
    // The service is not owned and must outlive the dialog.
    explicit NewSubscriptionDialog(const SubscriptionService *service, QWidget *parent = nullptr);

    // The request as the form stands (numbers upper-cased, split on whitespace, commas, semicolons).
    SubscriptionRequest request() const;
    QStringList problems() const;

    // For tests and keyboard users alike: the form's parts.
    QRadioButton *v1Button() const { return m_v1; }
    QRadioButton *v2Button() const { return m_v2; }
    QPlainTextEdit *numbersEdit() const { return m_numbers; }
    QCheckBox *bookingBox() const { return m_booking; }
    QCheckBox *allEventsBox() const { return m_allEvents; }
    QListWidget *eventList() const { return m_events; }
    QComboBox *portBox() const { return m_port; }
    QComboBox *categoryBox() const { return m_category; }
    QLineEdit *facilityEdit() const { return m_facility; }
    QRadioButton *webhookButton() const { return m_webhook; }
    QRadioButton *emailButton() const { return m_email; }
    QLineEdit *webhookUriEdit() const { return m_uri; }
    QLineEdit *webhookTokenEdit() const { return m_token; }
    QLineEdit *emailsEdit() const { return m_emails; }
    QLineEdit *referenceEdit() const { return m_reference; }
    QLabel *problemsLabel() const { return m_problemsLabel; }

    // Checks the form; shows the problems and stays open, or accepts.
    void accept() override;

private:
    QWidget *buildEventsBox();
    QWidget *buildCallbackBox();
    void updateEnabled();

    const SubscriptionService *m_service;
    SubscriptionOptions m_options;
    QRadioButton *m_v1;
    QRadioButton *m_v2;
    QPlainTextEdit *m_numbers;
    QCheckBox *m_booking;
    QCheckBox *m_allEvents;
    QListWidget *m_events;
    QComboBox *m_port;
    QComboBox *m_category;
    QLineEdit *m_facility;
    QRadioButton *m_webhook;
    QRadioButton *m_email;
    QLineEdit *m_uri;
    QLineEdit *m_token;
    QLineEdit *m_emails;
    QLineEdit *m_reference;
    QLabel *m_referenceCount;
    QLabel *m_problemsLabel;
};
