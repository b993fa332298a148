/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("comms_office_media_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the Media menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_menu_media"]',
            run: "click",
        },
        {
            content: "Open the media lists",
            trigger:
                '.dropdown-item[data-menu-xmlid="comms_office.comms_media_list_menu"]',
            run: "click",
        },
        {
            content: "Open the health journalists list",
            trigger: '.o_data_row td[name="name"]:contains("Tour health journalists")',
            run: "click",
        },
        {
            content: "Add a member",
            trigger:
                '.o_field_widget[name="partner_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "The journalist is not in the directory yet: create them",
            trigger: ".modal .o_create_button",
            run: "click",
        },
        {
            content: "Name the journalist",
            trigger: '.modal .o_field_widget[name="name"] input',
            run: "edit Kamel Tour",
        },
        {
            content: "Their email",
            trigger: '.modal .o_field_widget[name="email"] input',
            run: "edit kamel.tour@radio.test",
        },
        {
            content: "Their outlet",
            trigger: '.modal .o_field_widget[name="parent_id"] input',
            run: "edit Radio Tour",
        },
        {
            trigger: '.ui-autocomplete .dropdown-item:contains("Radio Tour")',
            run: "click",
        },
        {
            content: "Save the journalist",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The journalist is a member of the list",
            trigger:
                '.o_field_widget[name="partner_ids"] .o_data_row:contains("Kamel Tour")',
        },
        {
            content: "Save the list",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
