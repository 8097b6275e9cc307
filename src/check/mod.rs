//! Key checks: plans the harmless request that proves a key works and reads the answer.
