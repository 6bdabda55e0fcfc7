"""Publishing is the workflow's last approval, not a permission anyone holds."""


def publicar_al_aprobar(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish the approved revision.

    The approver of the last task authorises publication by approving, so the
    publish permission, which no role holds on governed sections, is not asked.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
