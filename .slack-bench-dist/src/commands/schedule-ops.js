export {};
//# sourceMappingURL=schedule-ops.js.map