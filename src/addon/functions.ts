// Custom functions. Each export needs JSDoc with @customfunction: build.mjs copies it onto the top-level stub.
