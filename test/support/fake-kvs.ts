// The in-memory KVS lives with the Forge runtime on the simulator (simulator/forge-runtime); re-exported for the tests.
export * from '../../simulator/forge-runtime/fake-kvs';
