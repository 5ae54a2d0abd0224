#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// Maps a catalog auth type (CatalogProvider::authType) to the class that verifies and uses
// credentials of that type, in one place. A module registers each type it knows once; both "does
// the module handle this catalog entry" and "which class checks this connection" ask the factory,
// so the two cannot drift apart. Flow is the module's interface for one auth flow; Args are what
// creating one takes.
template<typename Flow, typename... Args>
class CredentialsFactory
{
public:
    using Creator = std::function<std::unique_ptr<Flow>(Args...)>;

    // Registers creator for authType; registering a type again replaces the earlier creator.
    CredentialsFactory &add(const QString &authType, Creator creator)
    {
        m_creators.insert(authType, std::move(creator));
        return *this;
    }

    bool supports(const QString &authType) const { return m_creators.contains(authType); }

    // The registered auth types, sorted, for help texts and diagnostics.
    QStringList authTypes() const
    {
        QStringList types = m_creators.keys();
        types.sort();
        return types;
    }

    // A new object of the class registered for authType; nullptr when none is.
    std::unique_ptr<Flow> create(const QString &authType, Args... args) const
    {
        const auto it = m_creators.constFind(authType);
        if (it == m_creators.constEnd())
            return nullptr;
        return (*it)(args...);
    }

private:
    QHash<QString, Creator> m_creators;
};
