#!/bin/sh
# Stand-in for Prisma's NATIVE schema engine, which cannot be downloaded on this (offline)
# machine. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here so that `prisma generate`
# (which only needs the file to exist) works without network access.
#
# Prisma CLI commands that really need the native engine (`prisma migrate …`, `prisma db push`,
# `prisma db pull`) end up here and fail. Use the project's offline migrate command instead,
# built on Prisma's WASM schema engine (lib/db/migrate.ts, scripts/db.ts):
#   npm run db:new-migration -- <name>   npm run db:migrate   npm run db:status   npm run db:seed
echo "Luohu: the native Prisma schema engine is not installed on this machine (offline)." >&2
echo "       Use npm run db:migrate / db:status / db:new-migration -- <name> / db:seed instead" >&2
echo "       (see lib/db/migrate.ts). To use a real engine, set PRISMA_SCHEMA_ENGINE_BINARY." >&2
exit 1
