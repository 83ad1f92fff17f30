package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageAccounts.ChangePassword;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonPasswordsTest {
  private final CoreFixture f = new CoreFixture();
  private final ManageAccounts accounts = f.core.accounts();

  @Test
  void theShippedListHoldsAtLeastTenThousandPasswordsThatDifferIgnoringCase() {
    assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "12345678", "PASSWORD", "PassWord", "qwertyuiop", "iloveyou"})
  void registrationRefusesACommonPasswordWhateverItsCaseAndSaysItIsTooCommon(String common) {
    assertThatThrownBy(() -> accounts.register(new RegisterUser("carol", common, Optional.empty())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too common");
  }

  @ParameterizedTest
  @ValueSource(strings = {"        ", "\t\t\t\t\t\t\t\t", " \u3000 \u2003   \u00A0 "})
  void registrationRefusesAPasswordOfSpacesOnly(String blank) {
    assertThatThrownBy(() -> accounts.register(new RegisterUser("carol", blank, Optional.empty())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("spaces");
  }

  @Test
  void anUncommonPasswordIsAccepted() {
    accounts.register(new RegisterUser("carol", "plum tree at dusk", Optional.empty()));

    assertThat(accounts.logIn(new LogIn("carol", "plum tree at dusk")).user().username())
        .isEqualTo("carol");
  }

  @Test
  void aPasswordChangeToACommonPasswordIsRefusedAndTheOldPasswordStillWorks() {
    UserId carol = f.register("carol");

    assertThatThrownBy(
            () ->
                accounts.changePassword(
                    new ChangePassword(carol, CoreFixture.passwordOf("carol"), "Iloveyou")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too common");
    assertThat(accounts.logIn(new LogIn("carol", CoreFixture.passwordOf("carol")))).isNotNull();
  }

  @Test
  void aResetToACommonPasswordIsRefused() {
    f.register("carol");

    assertThatThrownBy(() -> accounts.resetPassword("carol", "12345678"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too common");
  }
}
