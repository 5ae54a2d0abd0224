#pragma once

#include <QWidget>

class ChangeReferenceDialog;
class TracePublicationPanel;
class NewSubscriptionDialog;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class SubscriptionService;
class SubscriptionTableModel;

// The Subscriptions screen: the entity's subscriptions at the subscribing provider with their
// 90-day windows, and trace publishing in a second tab. All work goes through SubscriptionService,
// which never blocks, so the page shows a busy indicator and disables its actions instead of
// freezing; problems are shown in full under the table. Dialogs open with open(), not exec(), so
// the event loop (and the tests) keep running while they are up. The service is not owned.
class SubscriptionsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SubscriptionsPage(SubscriptionService *service, QWidget *parent = nullptr);

    SubscriptionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTabWidget *tabs() const { return m_tabs; }
    TracePublicationPanel *publicationPanel() const { return m_publications; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *newButton() const { return m_newButton; }
    QPushButton *referenceButton() const { return m_referenceButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *reconcileButton() const { return m_reconcileButton; }

    // The numbers of the selected rows.
    QStringList selectedNumbers() const;
    void selectNumbers(const QStringList &numbers);

public Q_SLOTS:
    void refresh();
    NewSubscriptionDialog *openNewSubscriptionDialog();
    ChangeReferenceDialog *openChangeReferenceDialog();
    QMessageBox *confirmRemove();

private:
    QWidget *buildSubscriptionsTab();
    void setBusy(bool busy);
    void showOutcome(bool ok, const QString &message);
    void showProblem(const QString &message);
    void updateButtons();
    QString providerName() const;

    SubscriptionService *m_service;
    SubscriptionTableModel *m_model;
    QTableView *m_view;
    QTabWidget *m_tabs;
    TracePublicationPanel *m_publications;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_newButton;
    QPushButton *m_referenceButton;
    QPushButton *m_removeButton;
    QPushButton *m_reconcileButton;
};
