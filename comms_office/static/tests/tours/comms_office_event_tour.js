/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("comms_office_event_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the events",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.event_event_menu_comms"]',
            run: "click",
        },
        {
            content: "The events open on their board",
            trigger: ".o_kanban_view",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "New event",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name the event",
            trigger: '.o_field_widget[name="name"] textarea',
            run: "edit Tour press conference",
        },
        {
            content: "Its type",
            trigger: '.o_field_widget[name="event_type_id"] input',
            run: "edit Press Conference",
        },
        {
            trigger: '.ui-autocomplete .dropdown-item:contains("Press Conference")',
            run: "click",
        },
        {
            content: "Save the event",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Invite guests",
            trigger: 'button[name="action_open_invite_wizard"]',
            run: "click",
        },
        {
            content: "Pick the media list",
            trigger: '.modal .o_field_widget[name="media_list_ids"] input',
            run: "edit Tour journalists",
        },
        {
            trigger: '.ui-autocomplete .dropdown-item:contains("Tour journalists")',
            run: "click",
        },
        {
            content: "Invite them",
            trigger: '.modal button[name="action_invite"]',
            run: "click",
        },
        {
            content: "Open the guests",
            trigger: '.o_notebook a[name="comms_guests"]',
            run: "click",
        },
        {
            content: "Mark the journalist as attended",
            trigger:
                '.o_field_widget[name="registration_ids"] .o_data_row:contains("Nadia Tour") button[name="action_rsvp_attended"]',
            run: "click",
        },
        {
            content: "The journalist attended",
            trigger:
                '.o_field_widget[name="registration_ids"] .o_data_row:contains("Nadia Tour") td[name="rsvp_status"]:contains("Attended")',
        },
    ],
});
