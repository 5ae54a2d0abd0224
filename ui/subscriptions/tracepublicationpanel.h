#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class SubscriptionService;
class TracePublicationModel;

// The publishing side of the Subscriptions page: who we publish as (orgId, svcId, origin, endpoint),
// the containers published for tracing, and the two deliberate acts the publishing provider allows: "Trace now"
// (publish again, which forces a trace) and "Cancel tracing". Plain "Publish" skips containers
// that are already published, so a second click never triggers traces by accident.
class TracePublicationPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TracePublicationPanel(SubscriptionService *service, QWidget *parent = nullptr);

    TracePublicationModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *orgIdEdit() const { return m_orgId; }
    QLineEdit *svcIdEdit() const { return m_svcId; }
    QLineEdit *originEdit() const { return m_origin; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *numbersEdit() const { return m_numbers; }
    QComboBox *providerBox() const { return m_provider; }
    QLineEdit *dataEdit() const { return m_data; }

    // The numbers selected in the table.
    QStringList selectedNumbers() const;

public Q_SLOTS:
    void refresh();
    void saveSettings();
    void publish();
    void traceNow();
    void cancelTracing();

Q_SIGNALS:
    void problem(const QString &message);

private:
    QWidget *buildSettings();
    QWidget *buildPublishForm();
    QJsonObject dataFields() const;
    void updateButtons();

    SubscriptionService *m_service;
    TracePublicationModel *m_model;
    QTableView *m_view;
    QLineEdit *m_orgId;
    QLineEdit *m_svcId;
    QLineEdit *m_origin;
    QLineEdit *m_endpoint;
    QLineEdit *m_numbers;
    QComboBox *m_provider;
    QLineEdit *m_data;
    QCheckBox *m_normalize;
    QPushButton *m_publish;
    QPushButton *m_traceNow;
    QPushButton *m_cancel;
};
