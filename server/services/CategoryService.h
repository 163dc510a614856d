#pragma once

#include "CatalogueRequests.h"
#include "AuditRepository.h"
#include "CategoryRepository.h"
#include "ReadThroughCache.h"

#include <QtCore/QJsonObject>

// The category tree (API.md): listed depth first with siblings by name, each with its
// path of names and the products in it and under it. Writers serialize on the rows
// they build on (CategoryRepository::lock), so two admins moving categories at once
// cannot make a cycle or leave a stale path.
class CategoryService
{
public:
    struct Category {
        qint64 id = 0;
        QString name;
        qint64 parentId = 0; // 0: a root
        QString path; // names from the root, "Kitchen/Cookware"
        qint64 productCount = 0; // this category and everything under it
        QJsonObject toJson() const;
    };

    CategoryService(Database &database, ReadThroughCache *cache = nullptr)
        : m_database(database), m_categories(database), m_audit(database), m_cache(cache)
    {
    }

    Result<QList<Category>> list();
    // Admin writes, audited in their own transaction (adminId 0: the demo shop, not audited).
    Result<Category> create(const CatalogueRequests::CategoryDraft &draft, qint64 adminId);
    Result<Category> update(qint64 id, const CatalogueRequests::CategoryDraft &draft, qint64 adminId);
    Status remove(qint64 id, qint64 adminId);

private:
    Result<Category> one(qint64 id);
    void changed();

    Database &m_database;
    CategoryRepository m_categories;
    AuditRepository m_audit;
    ReadThroughCache *m_cache;
};
