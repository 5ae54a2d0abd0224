#include "storeinspection.h"

#include "session.h"
#include "store.h"

QSqlDatabase StoreInspection::database(const Store &store)
{
    return store.m_session->database();
}
