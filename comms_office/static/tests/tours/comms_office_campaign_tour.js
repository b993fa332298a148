/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("comms_office_campaign_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the Planning menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_menu_planning"]',
            run: "click",
        },
        {
            content: "Open the campaigns",
            trigger:
                '.dropdown-item[data-menu-xmlid="comms_office.comms_campaign_menu"]',
            run: "click",
        },
        {
            content: "Open the draft campaign",
            trigger: '.o_kanban_record:contains("Tour vaccination campaign")',
            run: "click",
        },
        {
            content: "Submit it for approval",
            trigger: 'button[name="action_request_approval"]',
            run: "click",
        },
        {
            content: "The head of office may approve it",
            trigger: 'button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Clear objectives, go ahead.",
        },
        {
            content: "Confirm the approval",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "The campaign is approved",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Approved")',
        },
        {
            content: "Create an email to its audiences",
            trigger: 'button[name="action_create_mailing"]',
            run: "click",
        },
        {
            content: "The mailing opens, addressed to the campaign's list",
            trigger:
                '.o_form_view .o_field_widget[name="subject"] input:value("Tour vaccination campaign")',
        },
    ],
});
