# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase

# Benchmark lines of this run; the test runner prints them at the end.
BENCHMARKS = []

from odoo.addons.mail.tests.common import mail_new_test_user


class CommsCommon(TransactionCase):
    """One user per role of the office, and a small media directory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.user_employee = mail_new_test_user(
            cls.env, login="comms_employee", groups="base.group_user", name="Employee"
        )
        cls.user_staff = mail_new_test_user(
            cls.env,
            login="comms_staff",
            groups="comms_office.group_comms_user",
            name="Staff Member",
        )
        cls.user_officer = mail_new_test_user(
            cls.env,
            login="comms_officer",
            groups="comms_office.group_comms_officer",
            name="Communication Officer",
        )
        cls.user_manager = mail_new_test_user(
            cls.env,
            login="comms_manager",
            groups="comms_office.group_comms_manager",
            name="Head of Office",
        )
        cls.user_director = mail_new_test_user(
            cls.env,
            login="comms_director",
            groups="comms_office.group_comms_director",
            name="Director",
        )
        cls.user_admin = mail_new_test_user(
            cls.env,
            login="comms_admin",
            groups="base.group_system,comms_office.group_comms_manager",
            name="Administrator",
        )
        Partner = cls.env["res.partner"]
        cls.beat_health = cls.env.ref("comms_office.comms_media_beat_health")
        cls.beat_local = cls.env.ref("comms_office.comms_media_beat_local")
        cls.lang_ar = cls.env.ref("base.lang_ar")
        cls.lang_fr = cls.env.ref("base.lang_fr")
        cls.outlet_radio = Partner.create(
            {
                "name": "Radio Test Locale",
                "is_company": True,
                "is_media": True,
                "media_kind": "radio",
                "media_coverage": "local",
                "media_language_ids": [(6, 0, cls.lang_ar.ids)],
                "media_beat_ids": [(6, 0, cls.beat_local.ids)],
            }
        )
        cls.outlet_daily = Partner.create(
            {
                "name": "Quotidien Test",
                "is_company": True,
                "is_media": True,
                "media_kind": "press",
                "media_coverage": "national",
                "media_language_ids": [(6, 0, cls.lang_fr.ids)],
            }
        )
        cls.journalist_radio = Partner.create(
            {
                "name": "Samira Radio",
                "parent_id": cls.outlet_radio.id,
                "email": "samira@radio.test",
                "media_beat_ids": [(6, 0, cls.beat_health.ids)],
            }
        )
        cls.journalist_daily = Partner.create(
            {
                "name": "Omar Quotidien",
                "parent_id": cls.outlet_daily.id,
                "email": "omar@quotidien.test",
            }
        )
        cls.citizen = Partner.create({"name": "Citoyen Ordinaire"})
        cls.media_list = cls.env["comms.media.list"].create(
            {
                "name": "Health journalists",
                "partner_ids": [(6, 0, cls.journalist_daily.ids)],
            }
        )

    def assertAccess(self, record, rights, user=None):
        """Assert what ``user`` (by default the current user) may do with
        ``record``: ``rights`` spells read, write, create and unlink, with a
        dash where the model is closed to them (``"rwc-"``), and a capital
        where the model is open but a record rule keeps this record from them
        (``"R---"``)."""
        user = user or self.env.user
        record = record.with_user(user)
        operations = ("read", "write", "create", "unlink")
        for flag, operation in zip(rights, operations, strict=True):
            msg = f"{operation} on {record} as {user.login}"
            self.assertEqual(
                record.env[record._name].has_access(operation), flag != "-", msg
            )
            if flag.islower():
                record.check_access(operation)
            else:
                with self.assertRaises(AccessError, msg=msg):
                    record.check_access(operation)

    def assertQueriesDoNotGrow(self, run, small, large, per_record=0):
        """Assert that ``run(large)`` makes no more queries than ``run(small)``,
        plus ``per_record`` for each record more; ``small`` and ``large`` are
        what ``run`` takes: record sets or numbers of records. Each run starts
        from empty caches, after a first run that warms the registry's.
        Return the queries of the small run."""
        counts = []
        for arg in (small, small, large):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            run(arg)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        sizes = [arg if isinstance(arg, int) else len(arg) for arg in (small, large)]
        self.assertLessEqual(
            counts[2],
            counts[1] + per_record * (sizes[1] - sizes[0]),
            f"{counts[1]} queries for {sizes[0]} records, {counts[2]} for {sizes[1]}",
        )
        return counts[1]

    @classmethod
    def _review(cls, record, user, comment="Approved.", approve=True):
        """Approve or reject ``record`` as ``user`` through the comment wizard,
        as the reviewer does from the form."""
        record = record.with_user(user)
        action = record.validate_tier() if approve else record.reject_tier()
        if action:
            cls.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
        return record


class CommsCampaignCommon(CommsCommon):
    """A director, audiences with a mailing list, and a draft campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.comms_director_budget_threshold = 1000000.0
        cls.mailing_list = cls.env["mailing.list"].create(
            {
                "name": "Parents",
                "contact_ids": [
                    (0, 0, {"name": "Parent One", "email": "one@parents.test"}),
                    (0, 0, {"name": "Parent Two", "email": "two@parents.test"}),
                ],
            }
        )
        cls.audience_parents = cls.env["comms.audience"].create(
            {
                "name": "Parents of young children",
                "estimated_size": 1200,
                "mailing_list_ids": [(6, 0, cls.mailing_list.ids)],
            }
        )
        cls.audience_staff = cls.env["comms.audience"].create(
            {
                "name": "Nurses",
                "audience_type": "internal",
                "estimated_size": 300,
            }
        )
        cls.channel_radio = cls.env.ref("comms_office.comms_channel_radio")
        cls.channel_email = cls.env.ref("comms_office.comms_channel_email")
        cls.campaign = (
            cls.env["comms.campaign"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "Vaccinate on time",
                    "user_id": cls.user_officer.id,
                    "date_start": "2025-04-01",
                    "date_end": "2025-04-30",
                    "budget": 200000.0,
                    "audience_ids": [
                        (6, 0, (cls.audience_parents | cls.audience_staff).ids)
                    ],
                    "channel_ids": [
                        (6, 0, (cls.channel_radio | cls.channel_email).ids)
                    ],
                    "objective_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Children up to date with vaccinations",
                                "quantity": 95,
                                "unit": "%",
                                "date_deadline": "2025-06-30",
                            },
                        )
                    ],
                }
            )
            .with_user(cls.env.user)
        )

    def _approve(self, campaign, user, comment="Approved."):
        self._review(campaign, user, comment)

    def _reject(self, campaign, user, comment):
        self._review(campaign, user, comment, approve=False)
