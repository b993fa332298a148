# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged, users

from .common import CommsCommon


@tagged("post_install", "-at_install")
class TestMediaDirectory(CommsCommon):
    @users("comms_officer")
    def test_journalist_takes_outlet_media_fields(self):
        journalist = self.env["res.partner"].create(
            {"name": "Nouveau Journaliste", "parent_id": self.outlet_radio.id}
        )
        self.assertTrue(journalist.is_media)
        self.assertEqual(journalist.media_kind, "radio")
        self.assertEqual(journalist.media_coverage, "local")
        self.assertEqual(journalist.media_language_ids, self.lang_ar)
        # the outlet changes format: its journalists follow
        self.outlet_radio.with_user(self.env.user).media_kind = "online"
        self.assertEqual(journalist.media_kind, "online")
        # a freelance can still say otherwise
        journalist.media_kind = "tv"
        self.assertEqual(journalist.media_kind, "tv")
        self.assertFalse(self.citizen.is_media)

    @users("comms_officer")
    def test_journalist_form_from_media_menu(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.res_partner_action_media"
        )
        self.assertEqual(action["context"], "{'default_is_media': True}")
        Partner = self.env["res.partner"].with_context(default_is_media=True)
        with Form(Partner) as form:
            form.name = "Yasmine Form"
            form.email = "yasmine@form.test"
            form.media_contact_channel = "email"
            form.media_beat_ids.add(self.beat_health)
            form.media_list_ids.add(self.media_list)
        journalist = form.record
        self.assertTrue(journalist.is_media)
        self.assertIn(journalist, self.media_list.partner_ids)
        self.assertIn(journalist, Partner.search(ast.literal_eval(action["domain"])))

    @users("comms_officer")
    def test_search_and_group_by_media_fields(self):
        Partner = self.env["res.partner"]
        health = Partner.search([("media_beat_ids", "in", self.beat_health.ids)])
        self.assertEqual(health, self.journalist_radio)
        groups = dict(
            Partner._read_group(
                [("id", "in", (self.outlet_radio | self.journalist_radio).ids)],
                ["media_kind"],
                ["__count"],
            )
        )
        self.assertEqual(groups, {"radio": 2})
        arabic = Partner.search([("media_language_ids", "in", self.lang_ar.ids)])
        self.assertEqual(arabic, self.outlet_radio | self.journalist_radio)

    @users("comms_officer")
    def test_media_list_fixed_and_filtered_members(self):
        media_list = self.env["comms.media.list"].create(
            {
                "name": "Local radio and one daily",
                "partner_ids": [(6, 0, self.journalist_daily.ids)],
                "filter_domain": "[('media_kind', '=', 'radio')]",
            }
        )
        members = media_list._get_members()
        self.assertIn(self.journalist_daily, members)
        self.assertIn(self.journalist_radio, members)
        self.assertIn(self.outlet_radio, members)
        self.assertNotIn(self.outlet_daily, members)
        self.assertNotIn(self.citizen, members)
        self.assertEqual(media_list.member_count, len(members))
        # the filter is evaluated when used: a new radio journalist joins
        newcomer = self.env["res.partner"].create(
            {"name": "Nouvelle Voix", "parent_id": self.outlet_radio.id}
        )
        self.assertIn(newcomer, media_list._get_members())
        # citizens never enter a media list, even by a filter that matches them
        media_list.filter_domain = "[('name', 'ilike', 'Citoyen')]"
        self.assertNotIn(self.citizen, media_list._get_members())

    @users("comms_officer")
    def test_media_list_invalid_filter(self):
        with self.assertRaises(ValidationError):
            self.env["comms.media.list"].create(
                {"name": "Broken", "filter_domain": "[('media_kind', '=',"}
            )
        with self.assertRaises(ValidationError):
            self.env["comms.media.list"].create(
                {"name": "Broken", "filter_domain": "[('no_such_field', '=', 1)]"}
            )

    @users("comms_officer")
    def test_media_list_member_count_batch(self):
        MediaList = self.env["comms.media.list"]
        lists = MediaList.create(
            [
                {
                    "name": f"List {i}",
                    "partner_ids": [(6, 0, self.journalist_daily.ids)],
                }
                for i in range(5)
            ]
        )
        self.assertEqual(lists.mapped("member_count"), [1] * 5)
        lists |= MediaList.create(
            [
                {
                    "name": f"More {i}",
                    "partner_ids": [(6, 0, self.journalist_radio.ids)],
                }
                for i in range(45)
            ]
        )
        self.assertQueriesDoNotGrow(
            lambda records: records.mapped("member_count"), lists[:5], lists
        )
        self.assertEqual(sum(lists.mapped("member_count")), 50)

    @users("comms_officer")
    def test_media_list_new_mailing(self):
        media_list = self.media_list.with_user(self.env.user)
        media_list.filter_domain = "[('media_kind', '=', 'radio')]"
        action = media_list.action_new_mailing()
        mailing = (
            self.env["mailing.mailing"]
            .with_context(**action["context"])
            .create({"subject": media_list.name, "body_html": "<p>Communiqué</p>"})
        )
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        recipients = self.env["res.partner"].browse(mailing._get_recipients())
        self.assertEqual(recipients, media_list._get_members())

    @users("comms_officer")
    def test_media_list_view_members(self):
        action = self.media_list.with_user(self.env.user).action_view_members()
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]), self.journalist_daily
        )
