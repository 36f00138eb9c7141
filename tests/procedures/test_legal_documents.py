"""A procedure's legal basis links the office's own documents (documents.Document) that it
rests on: published ones only, and the cached page follows their changes."""

import pytest
from django.test import Client

from tests.documents.helpers import make_document
from tests.procedures.helpers import make_procedure

pytestmark = pytest.mark.django_db


def test_a_procedure_links_the_published_documents_it_rests_on(committed):
    procedure = make_procedure(legal_basis="Luật Hộ tịch năm 2014.")
    decision = make_document("15/QĐ-UBND", "Ban hành quy trình giải quyết thủ tục hộ tịch")
    hidden = make_document("16/QĐ-UBND", "Bản chưa công bố", is_published=False)
    procedure.legal_documents.set([decision, hidden])
    html = Client().get(procedure.get_absolute_url()).content.decode()
    assert "Luật Hộ tịch năm 2014." in html
    assert f'href="{decision.get_absolute_url()}"' in html and "15/QĐ-UBND" in html
    assert "16/QĐ-UBND" not in html
    with committed():
        decision.abstract = "Ban hành quy trình mới giải quyết thủ tục hộ tịch"
        decision.save()
    html = Client().get(procedure.get_absolute_url()).content.decode()
    assert "quy trình mới" in html


def test_linked_documents_alone_make_the_legal_basis_section():
    procedure = make_procedure(legal_basis="")
    procedure.legal_documents.set([make_document("15/QĐ-UBND", "Quy trình hộ tịch")])
    html = Client().get(procedure.get_absolute_url()).content.decode()
    assert "Căn cứ pháp lý" in html and "Quy trình hộ tịch" in html
