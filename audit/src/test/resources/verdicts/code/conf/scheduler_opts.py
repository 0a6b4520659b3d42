"""Options of the job scheduler, registered in the [scheduler] group."""
from oslo_config import cfg

scheduler_group = cfg.OptGroup(
    name="scheduler",
    title="Scheduler options",
    help="How jobs are queued, retried and handed to workers.")

scheduler_opts = [
    cfg.IntOpt("max_attempts",
               default=3,
               min=0,
               max=10,
               help="How many times a failed job is retried. 0 means the job "
                    "is never retried."),
    cfg.IntOpt("poll_interval",
               default=5,
               min=1,
               help="Seconds between two polls of the queue."),
    cfg.IntOpt("batch_size",
               default=50,
               help="Jobs taken from the queue in one poll."),
    cfg.StrOpt("driver",
               default="database",
               choices=["database", "redis", "memory"],
               help="Where the queue is kept."),
    cfg.StrOpt("redis_password",
               secret=True,
               help="Password of the Redis server the redis driver uses."),
    cfg.StrOpt("callback_secret",
               default="change-me",
               help="Shared secret that signs the callbacks sent to clients."),
    cfg.BoolOpt("verify_callback_certificates",
                default=True,
                help="Verify the TLS certificate of every callback URL."),
    cfg.BoolOpt("callback_ssl_verify",
                default=False,
                help="Verify TLS certificates of the result store over HTTPS."),
]

worker_opts = [
    cfg.IntOpt("job_timeout",
               default=0,
               min=0,
               help="Seconds one job may run; 0 means no limit."),
    cfg.HostAddressOpt("status_host",
                       default="0.0.0.0",
                       help="Address the worker status page listens on."),
]

legacy_opts = [
    cfg.StrOpt("queue_url",
               help="Deprecated: the queue is configured by the driver option."),
]


def register_opts(conf):
    conf.register_group(scheduler_group)
    conf.register_opts(scheduler_opts, group=scheduler_group)
    conf.register_opts(worker_opts, group="worker")


def _opts_by_group():
    return {
        scheduler_group: scheduler_opts,
        "worker": worker_opts,
    }


def list_opts():
    return list(_opts_by_group().items())
