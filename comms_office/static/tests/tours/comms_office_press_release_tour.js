/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("comms_office_press_release_tour", {
    url: "/odoo/action-comms_office.comms_material_action",
    steps: () => [
        {
            content: "The materials are listed",
            trigger: ".o_action_manager .o_list_view",
        },
        {
            content: "Draft a new press release",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Its title",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Tour maternity ward opens",
        },
        {
            content: "Save the draft",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Submit it for approval",
            trigger: 'button[name="action_request_approval"]',
            run: "click",
        },
        {
            content: "As head of office, approve it",
            trigger: 'button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Comment the approval",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Good to go.",
        },
        {
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "Approved: send it to the media",
            trigger: 'button[name="action_send_to_media"]',
            run: "click",
        },
        {
            content: "Choose the media list",
            trigger: '.modal .o_field_widget[name="media_list_ids"] input',
            run: "edit Tour press list",
        },
        {
            trigger: '.ui-autocomplete .dropdown-item:contains("Tour press list")',
            run: "click",
        },
        {
            content: "One journalist will receive it",
            trigger: '.modal .o_field_widget[name="recipient_count"]:contains("1")',
        },
        {
            content: "Send",
            trigger: '.modal button[name="action_send"]',
            run: "click",
        },
        {
            content: "The dispatch is listed on the material",
            trigger: '.o_notebook a:contains("Press Dispatch")',
            run: "click",
        },
        {
            trigger:
                '.o_field_widget[name="dispatch_ids"] .o_data_row:contains("Tour Journalist")',
        },
    ],
});
