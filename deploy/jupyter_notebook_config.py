# Jupyter Notebook 6 settings of a gophlow class: every student's server reads
# them, on one machine (scripts/hub.sh puts this file on the servers'
# JUPYTER_CONFIG_PATH) and on Kubernetes (deploy/Dockerfile puts it in
# /etc/jupyter).
c = get_config()  # noqa: F821 (defined by Jupyter when it reads this file)

# gophlow is the only kernel offered: a Python kernel would have no memory
# limit (GOPHLOW_MEMORY_LIMIT is the gophlow kernel's).
c.KernelSpecManager.allowed_kernelspecs = {"gophlow"}
c.MappingKernelManager.default_kernel_name = "gophlow"
# A kernel holds its memory until it stops: shut down those idle for an hour
# (checked every five minutes), whether or not a browser tab still shows them.
c.MappingKernelManager.cull_idle_timeout = 3600
c.MappingKernelManager.cull_interval = 300
c.MappingKernelManager.cull_connected = True
