import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * The better-sqlite3 adapter runs every query of a PrismaClient on ONE connection.
 * An interactive transaction is BEGIN ... COMMIT on that connection, so an ordinary
 * query of another request that runs while the transaction is open silently becomes
 * part of it — and is lost if the transaction rolls back. This wrapper makes the
 * connection exclusive: ordinary queries wait while a transaction is open.
 * (docs/decisions/003-serialised-sqlite-connection.md)
 */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const END_STATEMENT = /^\s*(COMMIT|ROLLBACK)\b/i;

class SerializedAdapter implements SqlDriverAdapter {
  readonly #inner: SqlDriverAdapter;
  readonly #lock = new Lock();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
  }

  get provider() {
    return this.#inner.provider;
  }

  get adapterName() {
    return this.#inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#lock.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    let tx: Transaction;
    try {
      tx = await this.#inner.startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    const finish = async (end: () => Promise<void>) => {
      try {
        await end();
      } finally {
        if (!released) {
          released = true;
          release();
        }
      }
    };
    return {
      get provider() {
        return tx.provider;
      },
      get adapterName() {
        return tx.adapterName;
      },
      options: tx.options,
      queryRaw: (query) => tx.queryRaw(query),
      executeRaw: async (query) => {
        try {
          return await tx.executeRaw(query);
        } catch (error) {
          // Prisma sends COMMIT/ROLLBACK through executeRaw and only then calls
          // commit()/rollback(). If that statement fails (SQLITE_BUSY at COMMIT), Prisma never
          // calls them, the connection stays inside the transaction and every later
          // transaction waits forever (prisma#29933). End it here instead.
          if (END_STATEMENT.test(query.sql)) {
            await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => 0);
            await finish(() => tx.rollback());
          }
          throw error;
        }
      },
      commit: () => finish(() => tx.commit()),
      rollback: () => finish(() => tx.rollback()),
    };
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.#inner.dispose();
  }
}

/** Wraps a factory so that each connection it makes is serialised and set up by `init`. */
export function serializedAdapterFactory(
  inner: SqlDriverAdapterFactory,
  init: (adapter: SqlDriverAdapter) => Promise<void>,
): SqlDriverAdapterFactory {
  return {
    get provider() {
      return inner.provider;
    },
    get adapterName() {
      return inner.adapterName;
    },
    async connect() {
      const adapter = new SerializedAdapter(await inner.connect());
      await init(adapter);
      return adapter;
    },
  };
}
