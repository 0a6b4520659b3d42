package dev.secreview.project;

/** The source categories of the models files a user can choose: which inputs count as attacker-controlled. */
public enum ThreatModel { remote, local, rpc }
