import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Either the client or an interactive transaction: domain functions accept both. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient, Prisma };
