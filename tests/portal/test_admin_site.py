"""The project's admin site: an action's selection is checked for every model admin."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


def admins_with_actions(user):
    request = RequestFactory().get("/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        actions = model_admin.get_actions(request)
        if actions:
            yield model._meta, next(iter(actions))


@pytest.mark.parametrize("selection", ["abc", "1.5", "", "99999999999999999999999"])
def test_an_action_on_a_selection_that_is_no_key_answers_400(client, staff_user, selection):
    client.force_login(staff_user)
    checked = list(admins_with_actions(staff_user))
    assert len(checked) >= 10
    for opts, action in checked:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        data = {"action": action, "index": "0", "_selected_action": ["1", selection]}
        response = client.post(url, data)
        assert response.status_code == 400, (opts.label, response.status_code)
        assert "Các mục đã chọn không hợp lệ" in response.content.decode()
