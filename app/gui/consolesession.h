#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class ConsoleWiring;
class MainWindow;
class Store;
class StoreConsoleBackend;

// The console's window and its wiring, built once at start and again, in the new language, when the
// user picks one in Settings: every page's text comes from tr() at construction, so building them
// again is how a language applies without a restart. The store and the backend (no user-visible
// text of their own) outlive the rebuild; the page shown, the window's geometry and the entity stay.
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    // Runs after every build (rebuilt false the first time): what main() adds to a fresh window
    // and wiring, e.g. the demo's fixed adapter and the first sync.
    using Prepare = std::function<void(MainWindow &window, ConsoleWiring &wiring, bool rebuilt)>;

    ConsoleSession(Store &store, StoreConsoleBackend &backend, QString secretService, Prepare prepare,
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    void build();
    MainWindow &window() const { return *m_window; }
    ConsoleWiring &wiring() const { return *m_wiring; }

    // Saves the choice (empty: the system's language), installs its catalogues and rebuilds the
    // window. Runs from the event loop, never inside a handler of the window it replaces.
    void switchLanguage(const QString &languageCode);

Q_SIGNALS:
    void rebuilt();

private:
    void make(bool rebuilt);

    Store &m_store;
    StoreConsoleBackend &m_backend;
    QString m_secretService;
    Prepare m_prepare;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConsoleWiring> m_wiring; // uses m_window: made after it, destroyed before it
};
