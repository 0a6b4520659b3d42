package dev.secreview.project;

/**
 * The source categories of the models files a user can choose: which inputs count as attacker-controlled. {@code stored}
 * (data read back from the database) is heeded only by the kinds that accept it (HTML built in Python).
 */
public enum ThreatModel { remote, local, rpc, stored }
