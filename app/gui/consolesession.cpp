#include "consolesession.h"

#include "consolewiring.h"
#include "mainwindow.h"
#include "settingspage.h"
#include "storeconsolebackend.h"
#include "translations.h"
#include "watchlistpage.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcConsoleSession, "quaywatch.app.session")

ConsoleSession::ConsoleSession(Store &store, StoreConsoleBackend &backend, QString secretService, Prepare prepare,
                               QObject *parent)
    : QObject(parent), m_store(store), m_backend(backend), m_secretService(std::move(secretService)),
      m_prepare(std::move(prepare))
{}

ConsoleSession::~ConsoleSession()
{
    m_wiring.reset();
    m_window.reset();
}

void ConsoleSession::build()
{
    make(false);
}

void ConsoleSession::switchLanguage(const QString &languageCode)
{
    Translations::setChosenLanguage(languageCode);
    // Deferred: the request comes from a widget of the window about to be destroyed.
    QTimer::singleShot(0, this, [this] {
        const QByteArray geometry = m_window->saveGeometry();
        const MainWindow::Page page = m_window->currentPage();
        const bool visible = m_window->isVisible();
        m_wiring.reset();
        m_window.reset();
        const QString installed = Translations::install(*QCoreApplication::instance());
        qCInfo(lcConsoleSession) << "language switched to" << installed;
        make(true);
        m_window->restoreGeometry(geometry);
        m_window->showPage(page);
        if (visible)
            m_window->show();
        Q_EMIT rebuilt();
    });
}

void ConsoleSession::make(bool rebuilt)
{
    m_window = std::make_unique<MainWindow>(m_backend);
    m_wiring = std::make_unique<ConsoleWiring>(m_store, m_backend, *m_window, m_secretService);
    connect(m_window->settingsPage(), &SettingsPage::languageChosen, this, &ConsoleSession::switchLanguage);
    if (m_prepare)
        m_prepare(*m_window, *m_wiring, rebuilt);
    if (rebuilt)
        m_window->watchlistPage()->reloadInBackground();
}
