# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged, users

from .common_media import CommsMediaCommon


@tagged("post_install", "-at_install")
class TestPressDispatch(CommsMediaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # same address as the daily's journalist: a second desk of the paper
        cls.journalist_daily_desk = Partner.create(
            {
                "name": "Desk Quotidien",
                "parent_id": cls.outlet_daily.id,
                "email": "Omar Q <OMAR@quotidien.test>",
            }
        )
        cls.journalist_no_email = Partner.create(
            {"name": "Sans Courriel", "parent_id": cls.outlet_radio.id}
        )
        cls.list_radio = cls.env["comms.media.list"].create(
            {
                "name": "Local radio",
                "partner_ids": [
                    (
                        6,
                        0,
                        (
                            cls.journalist_radio
                            | cls.journalist_no_email
                            | cls.journalist_daily
                        ).ids,
                    )
                ],
            }
        )
        cls.media_list.partner_ids = [(4, cls.journalist_daily_desk.id)]
        cls.release_fr = cls._create_material(
            attachment_ids=[
                (
                    0,
                    0,
                    {
                        "name": "photo.jpg",
                        "raw": b"jpegdata",
                        "res_model": "comms.material",
                    },
                )
            ]
        )
        cls.release_ar = cls._create_material(
            name="افتتاح مصلحة الولادة",
            lang_id=cls.lang_ar.id,
            body="<p>تفتح مصلحة الولادة أبوابها.</p>",
            variant_of_id=cls.release_fr.id,
        )

    def _send(self, material, lists, partners=None):
        wizard = (
            self.env["comms.material.send"]
            .with_context(default_material_id=material.id)
            .create(
                {
                    "media_list_ids": [(6, 0, lists.ids)],
                    "partner_ids": [(6, 0, (partners or lists.browse()).ids)],
                }
            )
        )
        return wizard

    @users("comms_officer")
    def test_send_needs_approval(self):
        material = self.release_fr.with_env(self.env)
        with self.assertRaises(UserError):
            material.action_send_to_media()
        with self.assertRaises(UserError):
            self._send(material, self.media_list).action_send()

    @users("comms_officer")
    def test_send_to_lists(self):
        self._approve_now(self.release_fr | self.release_ar)
        material = self.release_fr.with_env(self.env)
        lists = (self.media_list | self.list_radio).with_env(self.env)
        wizard = self._send(material, lists)
        self.assertEqual(wizard.recipient_count, 2)
        self.assertEqual(wizard.no_email_count, 1)
        wizard.action_send()

        dispatches = material.dispatch_ids
        self.assertEqual(
            sorted(dispatches.mapped("email")),
            ["omar@quotidien.test", "samira@radio.test"],
            "one email per address, none for the contact without one",
        )
        radio = dispatches.filtered(lambda d: d.partner_id == self.journalist_radio)
        daily = dispatches.filtered(lambda d: d.partner_id == self.journalist_daily)
        # the Arabic radio gets the Arabic version, the French daily the French
        self.assertEqual(radio.variant_id, self.release_ar)
        self.assertEqual(daily.variant_id, self.release_fr)
        self.assertEqual(radio.mailing_id.subject, self.release_ar.name)
        self.assertFalse(radio.mailing_id.attachment_ids)
        self.assertEqual(daily.mailing_id.attachment_ids.name, "photo.jpg")
        self.assertEqual(daily.media_list_ids, lists)
        self.assertEqual(radio.mailing_id.campaign_id, self.campaign.utm_campaign_id)
        # every email is traced
        self.assertTrue(all(dispatches.mapped("trace_id")))
        self.assertEqual(set(dispatches.mapped("state")), {"queued"})
        mails = dispatches.trace_id.sudo().mail_mail_id
        self.assertEqual(len(mails), 2)
        self.assertIn(
            "تفتح مصلحة الولادة", radio.trace_id.sudo().mail_mail_id.body_html
        )
        self.assertTrue(mails.attachment_ids)

        # sending again reaches nobody twice, only the newcomers
        with self.assertRaisesRegex(UserError, "Nobody to send to"):
            self._send(material, lists).action_send()
        newcomer = self.env["res.partner"].create(
            {
                "name": "Nouvelle Journaliste",
                "lang": False,
                "email": "nouvelle@quotidien.test",
                "parent_id": self.outlet_daily.id,
            }
        )
        wizard = self._send(self.release_ar.with_env(self.env), lists, newcomer)
        self.assertEqual(wizard.already_count, 3)
        self.assertEqual(wizard.recipient_count, 1)
        wizard.action_send()
        self.assertEqual(
            self.release_ar.dispatch_ids.partner_id, newcomer, "dispatch on the version"
        )
        self.assertEqual(
            self.release_ar.dispatch_ids.variant_id,
            self.release_fr,
            "her outlet publishes in French",
        )
        self.assertIn("Sent to 1 journalists", self.release_ar.message_ids[0].body)
        self.assertIn(
            "share an address",
            material.message_ids.filtered(lambda m: "Sent to 2" in (m.body or "")).body,
        )

    @users("comms_officer")
    def test_tracking_and_bounce(self):
        self._approve_now(self.release_fr | self.release_ar)
        material = self.release_fr.with_env(self.env)
        self._send(material, self.list_radio.with_env(self.env)).action_send()
        radio = material.dispatch_ids.filtered(
            lambda d: d.partner_id == self.journalist_radio
        )
        daily = material.dispatch_ids - radio
        # the mail queue sends them, the tracking pixel reports an opening
        traces = material.dispatch_ids.trace_id.sudo()
        traces.set_sent()
        self.assertEqual(set(material.dispatch_ids.mapped("state")), {"delivered"})
        self.env["mailing.trace"].sudo().set_opened(
            domain=[("mail_mail_id_int", "=", radio.trace_id.sudo().mail_mail_id_int)]
        )
        self.assertEqual(radio.state, "opened")
        self.assertTrue(radio.open_datetime)
        # the daily's mail server bounces it: the dispatch and the contact know
        daily.trace_id.sudo().message_id = "<bounced-123@hopital-medea.test>"
        self.env["mail.thread"].sudo()._routing_handle_bounce(
            False,
            {
                "bounced_email": "omar@quotidien.test",
                "bounced_msg_ids": ["<bounced-123@hopital-medea.test>"],
                "bounced_partner": self.env["res.partner"].sudo(),
                "bounced_message": self.env["mail.message"].sudo(),
                "body": "550 mailbox unavailable",
                "email_from": "MAILER-DAEMON@quotidien.test",
                "to": "bounce@hopital-medea.test",
                "message_id": "<dsn-1@quotidien.test>",
            },
        )
        self.assertEqual(daily.state, "bounced")
        self.assertEqual(self.journalist_daily.message_bounce, 1)
        self.assertEqual(daily.partner_bounce, 1)
        material.invalidate_recordset()
        self.assertEqual(material.dispatch_count, 2)
        self.assertEqual(material.dispatch_delivered, 1)
        self.assertEqual(material.dispatch_opened, 1)
        self.assertEqual(material.dispatch_bounced, 1)
