from django_tasks_db.apps import TasksAppConfig


class TaskQueueConfig(TasksAppConfig):
    """django-tasks-db (INSTALLED_APPS names this class) under a Vietnamese name in the admin."""

    verbose_name = "Hàng đợi công việc nền"
