/**
 * The emulated PathSim API: generated workspaces and test sessions served under {@code /pathsim/v1} as
 * the API document describes them, plus the storage host recording downloads are redirected to.
 */
package io.convosql.sandbox.pathsim;
