/** The rules core: pure functions over a versioned rule set (no I/O, no database, no Next). */
export * from "./types";
export * from "./default-rule-set";
export * from "./evaluate";
export * from "./forbidden-criteria";
export * from "./validate-rule-set";
