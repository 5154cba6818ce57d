package org.palimpsest.archive.user;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void addsAnAccountWithItsRoles() {
        fixture.givenNoPriorActivity()
                .when(new AddUser("mara", Set.of(Role.EDITOR, Role.AUDITOR), "root"))
                .expectEvents(new UserAdded("mara", List.of(Role.EDITOR, Role.AUDITOR), "root"));
    }

    @Test
    void refusesASecondAccountOfTheSameName() {
        fixture.given(new UserAdded("mara", List.of(Role.READER), "root"))
                .when(new AddUser("mara", Set.of(Role.ADMIN), "root"))
                .expectNoEvents()
                .expectException(UserExistsException.class);
    }

    @Test
    void refusesMalformedNames() {
        fixture.givenNoPriorActivity()
                .when(new AddUser("Mara Smith", Set.of(Role.READER), "root"))
                .expectNoEvents()
                .expectException(InvalidUserException.class);
    }

    @Test
    void refusesAnAccountWithoutRoles() {
        fixture.givenNoPriorActivity()
                .when(new AddUser("mara", Set.of(), "root"))
                .expectNoEvents()
                .expectExceptionMessage("an account needs at least one role; roles are reader, annotator, editor, auditor, admin");
    }

    @Test
    void grantsARoleOnceAndRecordsNothingForARoleAlreadyHeld() {
        fixture.given(new UserAdded("mara", List.of(Role.READER), "root"))
                .when(new GrantRole("mara", Role.EDITOR, "root", "joins the desk"))
                .expectEvents(new RoleGranted("mara", Role.EDITOR, "root", "joins the desk"))
                .expectResultMessagePayload(true);
        fixture.given(new UserAdded("mara", List.of(Role.READER), "root"), new RoleGranted("mara", Role.EDITOR, "root", null))
                .when(new GrantRole("mara", Role.EDITOR, "root", null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void revokesOnlyARoleHeld() {
        fixture.given(new UserAdded("mara", List.of(Role.READER, Role.EDITOR), "root"))
                .when(new RevokeRole("mara", Role.EDITOR, "root", "left the desk"))
                .expectEvents(new RoleRevoked("mara", Role.EDITOR, "root", "left the desk"));
        fixture.given(new UserAdded("mara", List.of(Role.READER), "root"), new RoleRevoked("mara", Role.READER, "root", null))
                .when(new RevokeRole("mara", Role.READER, "root", null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anAdministratorCannotRevokeTheirOwnAdminRole() {
        fixture.given(new UserAdded("root", List.of(Role.ADMIN), "system:first-run"))
                .when(new RevokeRole("root", Role.ADMIN, "root", null))
                .expectNoEvents()
                .expectException(UserRuleException.class);
        fixture.given(new UserAdded("root", List.of(Role.ADMIN), "system:first-run"))
                .when(new RevokeRole("root", Role.ADMIN, "other-admin", null))
                .expectEvents(new RoleRevoked("root", Role.ADMIN, "other-admin", null));
    }

    @Test
    void recordsAPasswordChangeWithoutAnySecret() {
        fixture.given(new UserAdded("mara", List.of(Role.READER), "root"))
                .when(new RecordPasswordChange("mara", "mara"))
                .expectEvents(new PasswordChanged("mara", "mara"));
    }
}
