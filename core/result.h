#pragma once

#include <QString>

#include <optional>
#include <utility>

// Errors are values: every fallible operation returns a Result carrying either its value or a
// classified error with a message a user can read. No exceptions cross Qt event-loop boundaries.
enum class ErrorKind
{
    None,
    InvalidInput,        // the caller's input is wrong (bad number, bad option, bad file)
    BadCredentials,      // the provider refused the user name / password / key
    AccessNotEnabled,    // credentials fine, but API access is not enabled (403 and the like)
    NotFound,            // the provider does not know the thing asked for
    RateLimited,         // 429 after the retry budget was spent
    ProviderUnavailable, // 5xx, connection refused, dropped connections
    MalformedResponse,   // the provider answered with something that does not parse
    Timeout,             // the deadline passed
    KeychainUnavailable, // no Secret Service, locked, or not answering
    Storage,             // the database refused or failed
    Insecure,            // a URL that is not https and not loopback
    NotImplemented,      // a capability that belongs to later work
    TooLarge,            // more input than the receiver accepts at once (a callback over its element cap)
    Internal,
};

QString errorKindName(ErrorKind kind); // stable snake_case name, for JSON and logs

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message;
    // Set when the other side said how long to wait before asking again (HTTP Retry-After), in
    // milliseconds from when the answer came; the sync engine reschedules by it.
    std::optional<qint64> retryAfterMs;

    bool operator==(const Error &) const = default;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value: a reference into a temporary Result would dangle, e.g. in
    // `for (const auto &x : store.events(id).value())`.
    T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Result for operations that yield nothing but can fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorKind kind, QString message)
{
    Error error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}
